package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.ToolOutcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;

/** The plain case: one route, arguments mapped by the catalogue, the answer shaped by the catalogue. */
final class HttpToolHandler implements ToolHandler {

    private final ResultShaper shaper;

    HttpToolHandler(ResultShaper shaper) {
        this.shaper = shaper;
    }

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        return exchange(tool, RequestBuilder.build(tool.binding().route(), arguments), arguments, context);
    }

    /** Sends one request for {@code tool}: Hook0's refusal as an error result, its answer shaped by the catalogue. */
    ToolOutcome exchange(ToolDefinition tool, Hook0Request request, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        Hook0Response response = context.send(request);
        if (!response.isSuccess()) {
            return ErrorResults.fromResponse(tool, response, arguments);
        }
        return shaper.shape(tool, response, arguments);
    }
}
