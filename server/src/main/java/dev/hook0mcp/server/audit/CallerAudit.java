package dev.hook0mcp.server.audit;

import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.config.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit of one caller (one token on one transport): the log, the transport's name and the token's
 * fingerprint. The token itself is not kept.
 */
public final class CallerAudit {

    /** Records nothing. */
    public static final CallerAudit OFF = new CallerAudit(AuditLog.OFF, null, null);
    private static final String STDIO = Transport.STDIO.name().toLowerCase(Locale.ROOT);

    private final AuditLog log;
    private final String transport;
    private final String tokenFingerprint;

    private CallerAudit(AuditLog log, String transport, String tokenFingerprint) {
        this.log = log;
        this.transport = transport;
        this.tokenFingerprint = tokenFingerprint;
    }

    public static CallerAudit of(AuditLog log, Transport transport, String token) {
        if (!log.enabled()) {
            return OFF;
        }
        return new CallerAudit(log, transport.name().toLowerCase(Locale.ROOT),
                token == null ? null : TokenFingerprint.audit(token));
    }

    /**
     * Starts the record of one call.
     *
     * @param session   the MCP session id (HTTP); not recorded on stdio, where there is one client per process
     * @param arguments the arguments as the client gave them; redacted here ({@link ArgumentRedaction}), with
     *                  the values at {@code omit} (the tool's {@code auditOmit}) left out
     */
    public AuditedCall begin(String clientName, String clientVersion, String session, AuditedCall.Kind kind,
            String name, Map<String, ?> arguments, List<String> omit) {
        if (!log.enabled()) {
            return AuditedCall.NONE;
        }
        return AuditedCall.start(log, transport, clientName, clientVersion,
                transport.equals(STDIO) ? null : session, tokenFingerprint, kind, name,
                ArgumentRedaction.redact(arguments, omit));
    }

    public boolean enabled() {
        return log.enabled();
    }
}
