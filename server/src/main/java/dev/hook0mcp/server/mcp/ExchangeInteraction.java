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
        if (capabilities == null || capabilities.elicitation() == null) {
            return false;
        }
        // {"elicitation":{}} is form mode (before 2025-11-25 the only mode); {"url":{}} alone cannot show a form
        McpSchema.ClientCapabilities.Elicitation modes = capabilities.elicitation();
        return modes.form() != null || modes.url() == null;
    }

    /**
     * Only a ticked box goes ahead: an accepted form without {@code confirm: true} (left unticked, empty, a string)
     * is declined, and a form the client could not show or answered with an error is {@link Answer#UNANSWERED}.
     */
    @Override
    public Answer ask(String message) {
        Map<String, Object> schema = Map.of(
                "type", "object",
                "properties", Map.of(CONFIRM_FIELD, Map.of("type", "boolean", "title", "Confirm",
                        "description", "Check to go ahead", "default", false)),
                "required", java.util.List.of(CONFIRM_FIELD));
        McpSchema.ElicitResult result;
        String session = exchange.sessionId();
        OpenClientRequests.opened(session);
        try {
            result = exchange.createElicitation(McpSchema.ElicitRequest.builder(message, schema).build());
        } catch (RuntimeException e) {
            log.warn("the client did not answer the confirmation form: {}", e.toString());
            return Answer.UNANSWERED;
        } finally {
            OpenClientRequests.answered(session);
        }
        if (result == null || result.action() == null) {
            return Answer.UNANSWERED;
        }
        return switch (result.action()) {
            case ACCEPT -> result.content() != null && Boolean.TRUE.equals(result.content().get(CONFIRM_FIELD))
                    ? Answer.ACCEPTED : Answer.DECLINED;
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
