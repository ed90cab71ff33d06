package dev.hook0mcp.server.results;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code pagination_cursor} of Hook0's {@code Link: <…>; rel="next"} header. */
final class LinkHeader {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern CURSOR = Pattern.compile("[?&]pagination_cursor=([^&#]*)");

    private LinkHeader() {}

    static Optional<String> nextCursor(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher next = NEXT.matcher(header);
        while (next.find()) {
            Matcher cursor = CURSOR.matcher(next.group(1));
            if (cursor.find()) {
                return Optional.of(URLDecoder.decode(cursor.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
