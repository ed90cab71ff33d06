package dev.hook0mcp.server.config;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the server is configured with. {@link #toString()} never shows the token.
 *
 * @param apiUrl         Hook0 base URL without a trailing slash and without /api/v1
 * @param token          the Hook0 service token, trimmed; null when none was given (HTTP mode may take it per
 *                       request)
 * @param toolsets       HOOK0_TOOLSETS: only tools of these toolsets (empty = all)
 * @param tools          HOOK0_TOOLS: only these tools (empty = all)
 * @param excludeTools   HOOK0_EXCLUDE_TOOLS: never these tools
 * @param maxResultBytes size budget of one tool result's JSON, above which it is truncated
 * @param callTimeout    HOOK0_CALL_TIMEOUT_SECONDS: deadline of one tool call, shared by all its Hook0 requests,
 *                       retries and waits (HOOK0_TIMEOUT_SECONDS still bounds each request)
 * @param shutdownGrace  how long in-flight calls may still finish and be answered on SIGTERM or end of input
 * @param auditLog       HOOK0_AUDIT_LOG: the audit log's file, {@code -} for stderr, null for none
 * @param auditLogMaxMb  HOOK0_AUDIT_LOG_MAX_MB: size at which the audit log file rolls to FILE.1
 * @param stateless      MCP_STATELESS: Streamable HTTP without sessions, so replicas need no stickiness
 * @param metrics        MCP_METRICS: serve Prometheus metrics at GET /metrics (HTTP transports)
 * @param trustedProxies MCP_TRUSTED_PROXIES: addresses of balancers whose X-Forwarded-For names the client
 * @param unpacedProbes  HOOK0_UNPACED_PROBES: start-up probes are not paced to Hook0's rate limit (quotas still apply)
 * @param probeCacheTtl  HOOK0_PROBE_CACHE_TTL_SECONDS: how long Hook0's answers to a token's probes list its tools
 *                       at the next start (then re-asked in the background); zero turns the cache off
 * @param probeCacheDir  HOOK0_PROBE_CACHE_DIR: where those answers are kept (never the token)
 * @param handshakeWait  HOOK0_HANDSHAKE_WAIT_SECONDS: how long the MCP handshake waits for Hook0's answers to the
 *                       probes before it is answered from the token's own text (zero: it never waits)
 */
public record Config(
        Command command,
        Transport transport,
        String host,
        int port,
        String apiUrl,
        String token,
        boolean readOnly,
        Set<String> toolsets,
        Set<String> tools,
        Set<String> excludeTools,
        boolean revealSecrets,
        Duration timeout,
        int maxResultBytes,
        boolean sandbox,
        Set<String> allowedOrigins,
        Duration callTimeout,
        Duration shutdownGrace,
        String auditLog,
        int auditLogMaxMb,
        boolean stateless,
        boolean metrics,
        Set<String> trustedProxies,
        boolean unpacedProbes,
        Duration probeCacheTtl,
        String probeCacheDir,
        Duration handshakeWait) {

    public static final String DEFAULT_API_URL = "https://app.hook0.com";
    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RESULT_BYTES = 60_000;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** MCP_SHUTDOWN_GRACE_SECONDS: how long in-flight calls may finish on SIGTERM or end of input. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PROBE_CACHE_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_HANDSHAKE_WAIT = Duration.ofSeconds(4);
    public static final int DEFAULT_AUDIT_LOG_MAX_MB = 100;

    /** What the process was asked to do. */
    public enum Command {
        SERVE,
        CHECK,
        HELP,
        VERSION
    }

    public Config {
        toolsets = Set.copyOf(toolsets);
        tools = Set.copyOf(tools);
        excludeTools = Set.copyOf(excludeTools);
        allowedOrigins = Set.copyOf(allowedOrigins);
        trustedProxies = Set.copyOf(trustedProxies);
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    public Config withApiUrlAndToken(String newApiUrl, String newToken) {
        return new Config(command, transport, host, port, newApiUrl, newToken, readOnly, toolsets, tools,
                excludeTools, revealSecrets, timeout, maxResultBytes, sandbox, allowedOrigins, callTimeout,
                shutdownGrace, auditLog, auditLogMaxMb, stateless, metrics, trustedProxies, unpacedProbes,
                probeCacheTtl, probeCacheDir, handshakeWait);
    }

    /**
     * Every setting but the token, as the same text for the same settings in any JVM (sets sorted): what a start's
     * answers depend on besides the token, so a cache of them is kept apart per configuration. Read from the
     * record's components, so a setting added later is part of it without anyone remembering to add it here.
     */
    public String settingsKey() {
        StringBuilder key = new StringBuilder();
        for (RecordComponent component : Config.class.getRecordComponents()) {
            if (component.getName().equals("token")) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Set<?> set) {
                value = new TreeSet<>(set.stream().map(String::valueOf).toList());
            }
            key.append(component.getName()).append('=').append(value).append('\n');
        }
        return key.toString();
    }

    /** The audit log's size cap in bytes. */
    public long auditLogMaxBytes() {
        return auditLogMaxMb * 1024L * 1024L;
    }

    @Override
    public String toString() {
        return "Config[command=" + command + ", transport=" + transport + ", host=" + host + ", port=" + port
                + ", apiUrl=" + apiUrl + ", token=" + (hasToken() ? "(set)" : "(none)") + ", readOnly=" + readOnly
                + ", toolsets=" + toolsets + ", tools=" + tools + ", excludeTools=" + excludeTools
                + ", revealSecrets=" + revealSecrets + ", timeout=" + timeout + ", maxResultBytes="
                + maxResultBytes + ", sandbox=" + sandbox + ", callTimeout=" + callTimeout
                + ", shutdownGrace=" + shutdownGrace + ", auditLog=" + auditLog + ", auditLogMaxMb=" + auditLogMaxMb
                + ", stateless=" + stateless + ", metrics=" + metrics + ", trustedProxies=" + trustedProxies
                + ", unpacedProbes=" + unpacedProbes + ", probeCacheTtl=" + probeCacheTtl + ", probeCacheDir="
                + probeCacheDir + ", handshakeWait=" + handshakeWait + "]";
    }
}
