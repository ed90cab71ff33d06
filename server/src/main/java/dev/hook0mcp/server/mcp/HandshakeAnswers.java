package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results a server gives to {@code initialize} and to {@code tools/list}, as JSON text the way the SDK writes
 * them: what a restarted server with the same token can answer from a cache before it is built.
 *
 * @param initialize the initialize result for each protocol version the server accepts (the SDK echoes a version
 *     it accepts; for any other it answers its latest, which is left to the SDK)
 * @param toolsList  the tools/list result: the tools the surface enables, in the server's order, no cursor
 */
public record HandshakeAnswers(Map<String, String> initialize, String toolsList) {

    public HandshakeAnswers {
        initialize = Map.copyOf(initialize);
    }

    /** What {@code server}, serving {@code session} over a transport that accepts {@code versions}, answers now. */
    public static HandshakeAnswers of(McpSyncServer server, TokenSessions.TokenSession session, List<String> versions,
            McpJsonMapper mapper) {
        String instructions = ServerInstructions.of(session.access().tokenInfo());
        Map<String, String> initialize = new LinkedHashMap<>();
        for (String version : versions) {
            initialize.put(version, json(mapper, new McpSchema.InitializeResult(version,
                    server.getServerCapabilities(), server.getServerInfo(), instructions)));
        }
        ToolSurface surface = session.context().surface();
        List<McpSchema.Tool> listed = server.listTools().stream().filter(t -> surface.isEnabled(t.name())).toList();
        return new HandshakeAnswers(initialize, json(mapper, new McpSchema.ListToolsResult(listed, null)));
    }

    private static String json(McpJsonMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
