package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.engine.Interaction;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Interaction} over the SDK's exchange of one tools/call: elicitation in form mode when the
 * client declared {@code elicitation}, {@code notifications/progress} when the request carried a progress token.
 */
final class ExchangeInteraction implements Interaction {

    private static final Logger log = LoggerFactory.getLogger(ExchangeInteraction.class);

    /** The one field of the confirmation form. */
    static final String CONFIRM_FIELD = "confirm";

    private final McpSyncServerExchange exchange;
    private final Object progressToken;

    private ExchangeInteraction(McpSyncServerExchange exchange, Object progressToken) {
        this.exchange = exchange;
        this.progressToken = progressToken;
    }

    static Interaction of(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        if (exchange == null) {
            return Interaction.NONE;
        }
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        return new ExchangeInteraction(exchange, token);
    }

    @Override
    public boolean canAsk() {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        return capabilities != null && capabilities.elicitation() != null;
    }

    @Override
    public Answer ask(String message) {
        Map<String, Object> schema = Map.of(
                "type", "object",
                "properties", Map.of(CONFIRM_FIELD, Map.of("type", "boolean", "title", "Confirm",
                        "description", "Check to go ahead", "default", false)),
                "required", java.util.List.of(CONFIRM_FIELD));
        McpSchema.ElicitResult result = exchange.createElicitation(
                McpSchema.ElicitRequest.builder(message, schema).build());
        return switch (result.action()) {
            case ACCEPT -> result.content() != null && Boolean.FALSE.equals(result.content().get(CONFIRM_FIELD))
                    ? Answer.DECLINED : Answer.ACCEPTED;
            case DECLINE -> Answer.DECLINED;
            case CANCEL -> Answer.CANCELLED;
        };
    }

    @Override
    public void progress(double done, double total, String message) {
        if (progressToken == null) {
            return;
        }
        try {
            exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, done, total, message));
        } catch (RuntimeException e) {
            log.debug("progress notification not sent: {}", e.toString());
        }
    }
}
