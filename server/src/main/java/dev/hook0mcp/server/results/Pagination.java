package dev.hook0mcp.server.results;

import dev.hook0mcp.server.hook0.Hook0Response;
import java.util.Optional;

/** The cursor of the next page of a paginated Hook0 answer, if there is one. */
public final class Pagination {

    private Pagination() {}

    public static Optional<String> nextCursor(Hook0Response response) {
        return LinkHeader.nextCursor(response.header("link").orElse(null));
    }
}
