package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.json.JsonSchemas;
import dev.hook0mcp.server.results.ToolOutcome;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a server's first tool call would otherwise set up in its own time, done once per process on a background
 * thread when serving begins, so the first answer comes about as fast as the next ones:
 * <ul>
 *   <li>the argument and result validator ({@link JsonSchemas#prepare}), about 40 ms the first time;</li>
 *   <li>Jackson's serialisers for a call's answer (a {@code CallToolResult}, whose content is polymorphic in the
 *       SDK's schema), about 30 ms the first time. The answer is written with {@link Json#MAPPER}, the mapper the
 *       SDK's transports write with, whose serialiser cache is what gets filled; the text is thrown away.</li>
 * </ul>
 * Nothing is sent anywhere. Started after the catalogue is read, so Jackson's own classes are initialised already.
 */
public final class FirstCallPreparation {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private FirstCallPreparation() {}

    public static void startInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread preparation = new Thread(FirstCallPreparation::prepare, "first-call-preparation");
            preparation.setDaemon(true);
            preparation.start();
        }
    }

    /** @return whether both steps ran through (false: one ran into a problem, left for the first call) */
    static boolean prepare() {
        boolean validator = JsonSchemas.prepare();
        try {
            ToolOutcome outcome = ToolOutcome.success(Json.MAPPER.createObjectNode().put("prepared", true));
            String answer = Json.MAPPER.writeValueAsString(McpSchema.JSONRPCResponse.result(0, McpTools.toResult(outcome)));
            return validator && answer.contains("\"structuredContent\"");
        } catch (JsonProcessingException | RuntimeException e) {
            return false; // the first call sets its serialisers up itself and reports what goes wrong
        }
    }
}
