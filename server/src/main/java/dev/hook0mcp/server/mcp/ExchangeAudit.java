package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.audit.AuditedCall;
import dev.hook0mcp.server.audit.CallerAudit;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** Starts the audit record of one MCP request with what its exchange tells: the client (from initialize), the session. */
final class ExchangeAudit {

    private ExchangeAudit() {}

    static AuditedCall begin(CallerAudit audit, McpSyncServerExchange exchange, AuditedCall.Kind kind, String name,
            Map<String, ?> arguments, List<String> omit) {
        McpSchema.Implementation client = exchange == null ? null : exchange.getClientInfo();
        return audit.begin(client == null ? null : client.name(), client == null ? null : client.version(),
                exchange == null ? null : exchange.sessionId(), kind, name, arguments, omit);
    }
}
