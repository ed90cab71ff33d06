package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.engine.ErrorResults;
import dev.hook0mcp.server.engine.Json;
import dev.hook0mcp.server.engine.ToolSurface;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client may call a catalogue tool by name even though this token does not get it. The SDK would answer
 * "unknown tool"; this answers instead with a tool result saying why (e.g. "read-only token: event:ingest is not
 * allowed"), and no request reaches Hook0. Names outside the catalogue still get the SDK's protocol error.
 * (The SDK server answers the same for hidden tools on every transport, see {@link McpTools}; this answers
 * before it on stdio and Streamable HTTP.)
 */
public final class HiddenToolCalls implements Function<JsonNode, Optional<ObjectNode>> {

    private final Supplier<ToolSurface> surface;

    public HiddenToolCalls(ToolSurface surface) {
        this(() -> surface);
    }

    /** Reads the caller's surface at each message: it may change once background probing ends. */
    public HiddenToolCalls(Supplier<ToolSurface> surface) {
        this.surface = surface;
    }

    @Override
    public Optional<ObjectNode> apply(JsonNode message) {
        if (!"tools/call".equals(message.path("method").asText()) || !message.has("id")) {
            return Optional.empty();
        }
        String name = message.path("params").path("name").asText("");
        return surface.get().decision(name)
                .filter(d -> !d.enabled())
                .map(d -> {
                    var outcome = ErrorResults.notAvailable(name, d.reason());
                    ObjectNode response = Json.object().put("jsonrpc", "2.0");
                    response.set("id", message.get("id"));
                    ObjectNode result = response.putObject("result");
                    result.putArray("content").addObject().put("type", "text").put("text", outcome.text());
                    result.put("isError", true); // no structuredContent on errors: see McpTools.toResult
                    return response;
                });
    }
}
