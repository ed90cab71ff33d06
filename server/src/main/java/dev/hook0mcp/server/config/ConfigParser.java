package dev.hook0mcp.server.config;

import dev.hook0mcp.server.token.TokenText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the configuration from the environment and the command line; a flag wins over its environment
 * variable. Every bad value is a {@link ConfigException} naming the flag or variable.
 */
public final class ConfigParser {

    /** One setting: its flag, its environment variable, whether it takes a value, and its help line. */
    public record Option(String flag, String env, boolean takesValue, String help) {}

    public static final List<Option> OPTIONS = List.of(
            new Option("--api-url", "HOOK0_API_URL", true,
                    "Hook0 base URL (default " + Config.DEFAULT_API_URL + "; a trailing / or /api/v1 is fine)"),
            new Option("--api-token-file", "HOOK0_API_TOKEN_FILE", true,
                    "file holding the Hook0 service token (safer than the environment on shared machines)"),
            new Option(null, "HOOK0_API_TOKEN", true, "the Hook0 service token (Biscuit) used for every call"),
            new Option("--read-only", "HOOK0_READ_ONLY", false,
                    "true: never offer write tools, whatever the token allows"),
            new Option("--toolsets", "HOOK0_TOOLSETS", true,
                    "comma-separated toolsets to offer: organizations, applications, event_types, subscriptions,"
                            + " events, deliveries, stats, token"),
            new Option("--tools", "HOOK0_TOOLS", true, "comma-separated tool names to offer (all others hidden)"),
            new Option("--exclude-tools", "HOOK0_EXCLUDE_TOOLS", true, "comma-separated tool names to hide"),
            new Option("--reveal-secrets", "HOOK0_REVEAL_SECRETS", false,
                    "true: show subscription secrets and target header values instead of redacting them"),
            new Option("--timeout", "HOOK0_TIMEOUT_SECONDS", true, "timeout of one Hook0 request in seconds (default 30)"),
            new Option("--call-timeout", "HOOK0_CALL_TIMEOUT_SECONDS", true,
                    "deadline of one tool call in seconds, shared by all its Hook0 requests and retries (default 60)"),
            new Option("--max-result-bytes", "HOOK0_MAX_RESULT_BYTES", true,
                    "size budget of one tool result before it is truncated (default 60000)"),
            new Option("--transport", "MCP_TRANSPORT", true, "stdio (default), sse (legacy HTTP+SSE) or http (Streamable HTTP)"),
            new Option("--host", "MCP_HOST", true, "HTTP transports: address to bind (default 127.0.0.1)"),
            new Option("--port", "MCP_PORT", true, "HTTP transports: port (default 3000)"),
            new Option("--allowed-origins", "MCP_ALLOWED_ORIGINS", true,
                    "HTTP transports: extra allowed Origin values, comma-separated (loopback origins are always allowed)"),
            new Option("--shutdown-grace", "MCP_SHUTDOWN_GRACE_SECONDS", true,
                    "seconds in-flight calls get to finish on SIGTERM or end of input before the server stops"
                            + " (default " + Config.DEFAULT_SHUTDOWN_GRACE.toSeconds() + ")"),
            new Option("--stateless", "MCP_STATELESS", false,
                    "true: Streamable HTTP without sessions (every request carries its token), for replicas behind a"
                            + " load balancer without stickiness"),
            new Option("--metrics", "MCP_METRICS", false,
                    "true: HTTP transports also serve Prometheus metrics at GET /metrics (off by default)"),
            new Option("--trusted-proxies", "MCP_TRUSTED_PROXIES", true,
                    "HTTP transports: comma-separated addresses of load balancers; a request from one of them is"
                            + " counted for the client its X-Forwarded-For names (per-address limits)"),
            new Option("--audit-log", "HOOK0_AUDIT_LOG", true,
                    "append one JSON line per tool call, resource read and prompt get to this file (mode 0600;"
                            + " - for stderr; default: none)"),
            new Option("--audit-log-max-mb", "HOOK0_AUDIT_LOG_MAX_MB", true,
                    "size in MB at which the audit log file rolls to FILE.1 (default "
                            + Config.DEFAULT_AUDIT_LOG_MAX_MB + ")"),
            new Option("--unpaced-probes", "HOOK0_UNPACED_PROBES", false,
                    "true: send the start-up probes without pacing them to Hook0's rate limit (a self-hosted Hook0 with"
                            + " API rate limiting off); the per-token and per-family probe quotas still apply"),
            new Option("--handshake-wait", "HOOK0_HANDSHAKE_WAIT_SECONDS", true,
                    "seconds the MCP handshake waits for Hook0's answers to the start-up probes before it is answered"
                            + " from the token's own text, the tool list following once Hook0 answers (default "
                            + Config.DEFAULT_HANDSHAKE_WAIT.toSeconds() + "; 0 = never wait)"),
            new Option("--probe-cache-ttl", "HOOK0_PROBE_CACHE_TTL_SECONDS", true,
                    "seconds Hook0's answers to a token's probes list its tools at the next start, re-asked in the"
                            + " background (default " + Config.DEFAULT_PROBE_CACHE_TTL.toSeconds() + "; 0 = off)"),
            new Option("--probe-cache-dir", "HOOK0_PROBE_CACHE_DIR", true,
                    "where those answers are kept, never the token (default $XDG_CACHE_HOME/hook0-mcp or"
                            + " ~/.cache/hook0-mcp)"),
            new Option("--sandbox", null, false,
                    "start an in-memory Hook0 sandbox with demo data on loopback and use it (no account needed)"));

    /** Settings of the HTTP transports only (with their variables, from {@link #OPTIONS}). */
    private static final List<String> HTTP_ONLY_FLAGS = List.of("--host", "--port", "--allowed-origins", "--stateless",
            "--metrics", "--trusted-proxies");

    private final Map<String, String> env;
    private final boolean tokenExpectedInEnv;

    public ConfigParser(Map<String, String> env) {
        this(env, true);
    }

    /**
     * @param tokenExpectedInEnv false for commands that also take the token on stdin (attenuate): a misnamed token
     *     variable is then not a mistake worth stopping for
     */
    public ConfigParser(Map<String, String> env, boolean tokenExpectedInEnv) {
        this.env = env;
        this.tokenExpectedInEnv = tokenExpectedInEnv;
    }

    public Config parse(String[] args) {
        Config.Command command = Config.Command.SERVE;
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return defaults(Config.Command.HELP);
            }
            if (arg.equals("--version") || arg.equals("-V")) {
                return defaults(Config.Command.VERSION);
            }
            if (arg.equals("check") && i == 0) {
                command = Config.Command.CHECK;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Option option = byFlag(name);
            if (option == null) {
                throw unknownArgument(i + 1, arg, name, value);
            }
            if (option.takesValue() && value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException(option.flag() + " needs a value");
                }
                value = args[++i];
            }
            flags.put(option.flag(), value == null ? "true" : value);
        }
        return build(command, flags);
    }

    /**
     * Never echoes what looks like a token: a bare argument that looks like one is named by its position, and the
     * value of an unknown {@code --x=value} is never shown.
     */
    private static ConfigException unknownArgument(int position, String arg, String name, String value) {
        String hint = "; pass the token in HOOK0_API_TOKEN or in a file named by HOOK0_API_TOKEN_FILE";
        if (TokenText.looksLikeToken(arg) || TokenText.looksLikeToken(name)) {
            return new ConfigException("unknown argument #" + position + " (" + TokenText.NOT_SHOWN + hint + ")");
        }
        if (value != null) {
            return new ConfigException("unknown argument '" + name + "=…' (its value is not shown"
                    + (TokenText.looksLikeToken(value) ? ": it looks like a token" + hint : "") + "; see --help)");
        }
        return new ConfigException("unknown argument '" + arg + "' (see --help)");
    }

    private Config defaults(Config.Command command) {
        return new Config(command, Transport.STDIO, Config.DEFAULT_HOST, Config.DEFAULT_PORT, Config.DEFAULT_API_URL,
                null, false, Set.of(), Set.of(), Set.of(), false, Config.DEFAULT_TIMEOUT,
                Config.DEFAULT_MAX_RESULT_BYTES, false, Set.of(), Config.DEFAULT_CALL_TIMEOUT,
                Config.DEFAULT_SHUTDOWN_GRACE, null, Config.DEFAULT_AUDIT_LOG_MAX_MB, false, false, Set.of(), false,
                Config.DEFAULT_PROBE_CACHE_TTL, defaultProbeCacheDir(), Config.DEFAULT_HANDSHAKE_WAIT);
    }

    private Config build(Config.Command command, Map<String, String> flags) {
        Settings s = new Settings(flags);
        String apiUrl = normalizeApiUrl(s.string("--api-url", "HOOK0_API_URL", Config.DEFAULT_API_URL));
        String token = readToken(s);
        boolean sandbox = s.bool("--sandbox", null);
        if (token == null && !sandbox && tokenExpectedInEnv) {
            MisnamedTokenVariable.find(env).ifPresent(name -> {
                throw new ConfigException(MisnamedTokenVariable.message(name));
            });
        }
        int port = s.integer("--port", "MCP_PORT", Config.DEFAULT_PORT, 0, 65535);
        int timeoutSeconds = s.integer("--timeout", "HOOK0_TIMEOUT_SECONDS", 30, 1, 600);
        int callTimeoutSeconds = s.integer("--call-timeout", "HOOK0_CALL_TIMEOUT_SECONDS",
                (int) Config.DEFAULT_CALL_TIMEOUT.toSeconds(), 1, 3600);
        int maxResult = s.integer("--max-result-bytes", "HOOK0_MAX_RESULT_BYTES", Config.DEFAULT_MAX_RESULT_BYTES,
                2_000, 10_000_000);
        int graceSeconds = s.integer("--shutdown-grace", "MCP_SHUTDOWN_GRACE_SECONDS",
                (int) Config.DEFAULT_SHUTDOWN_GRACE.toSeconds(), 0, 600);
        int probeCacheSeconds = s.integer("--probe-cache-ttl", "HOOK0_PROBE_CACHE_TTL_SECONDS",
                (int) Config.DEFAULT_PROBE_CACHE_TTL.toSeconds(), 0, 86_400);
        int handshakeWaitSeconds = s.integer("--handshake-wait", "HOOK0_HANDSHAKE_WAIT_SECONDS",
                (int) Config.DEFAULT_HANDSHAKE_WAIT.toSeconds(), 0, 600);
        String probeCacheDir = s.string("--probe-cache-dir", "HOOK0_PROBE_CACHE_DIR", defaultProbeCacheDir());
        String auditLog = s.raw("--audit-log", "HOOK0_AUDIT_LOG");
        if (auditLog != null && TokenText.looksLikeToken(auditLog.strip())) {
            throw new ConfigException("HOOK0_AUDIT_LOG / --audit-log must name a file, but its value looks like a"
                    + " token (" + TokenText.NOT_SHOWN + ")");
        }
        int auditLogMaxMb = s.integer("--audit-log-max-mb", "HOOK0_AUDIT_LOG_MAX_MB", Config.DEFAULT_AUDIT_LOG_MAX_MB,
                1, 1_000_000);
        Transport transport = Transport.parse(s.string("--transport", "MCP_TRANSPORT", "stdio"));
        if (transport == Transport.STDIO) {
            refuseHttpOnlySettings(s);
        }
        boolean stateless = s.bool("--stateless", "MCP_STATELESS");
        if (stateless && transport == Transport.SSE) {
            throw new ConfigException(s.label("--stateless", "MCP_STATELESS") + " needs --transport http (Streamable"
                    + " HTTP): legacy SSE keeps a stream open per session");
        }
        stateless = stateless && transport == Transport.HTTP; // with stdio, only the flag is refused (above)
        return new Config(
                command,
                transport,
                s.string("--host", "MCP_HOST", Config.DEFAULT_HOST),
                port,
                apiUrl,
                token,
                s.bool("--read-only", "HOOK0_READ_ONLY"),
                s.list("--toolsets", "HOOK0_TOOLSETS"),
                s.list("--tools", "HOOK0_TOOLS"),
                s.list("--exclude-tools", "HOOK0_EXCLUDE_TOOLS"),
                s.bool("--reveal-secrets", "HOOK0_REVEAL_SECRETS"),
                Duration.ofSeconds(timeoutSeconds),
                maxResult,
                sandbox,
                s.list("--allowed-origins", "MCP_ALLOWED_ORIGINS"),
                Duration.ofSeconds(callTimeoutSeconds),
                Duration.ofSeconds(graceSeconds),
                auditLog == null || auditLog.isBlank() ? null : auditLog.strip(),
                auditLogMaxMb,
                stateless,
                s.bool("--metrics", "MCP_METRICS"),
                s.list("--trusted-proxies", "MCP_TRUSTED_PROXIES"),
                s.bool("--unpaced-probes", "HOOK0_UNPACED_PROBES"),
                Duration.ofSeconds(probeCacheSeconds),
                probeCacheDir,
                Duration.ofSeconds(handshakeWaitSeconds));
    }

    /** $XDG_CACHE_HOME/hook0-mcp when set to an absolute path, else ~/.cache/hook0-mcp. */
    private String defaultProbeCacheDir() {
        String xdg = env.get("XDG_CACHE_HOME");
        String base = xdg != null && xdg.startsWith("/") ? xdg
                : java.nio.file.Path.of(System.getProperty("user.home"), ".cache").toString();
        return java.nio.file.Path.of(base, "hook0-mcp").toString();
    }

    /**
     * --host, --port and --allowed-origins only mean something to the HTTP transports: given on the command line
     * with stdio they are a mistake (the server would not listen anywhere), not a setting to ignore. Their
     * environment variables are left alone: a shell may export MCP_PORT for another program, and clients pass the
     * shell's environment on.
     */
    private static void refuseHttpOnlySettings(Settings s) {
        for (String flag : HTTP_ONLY_FLAGS) {
            if (s.flags.containsKey(flag)) {
                throw new ConfigException(flag + " is only used by the HTTP transports, and the transport is stdio:"
                        + " add --transport http (Streamable HTTP) or --transport sse (MCP_TRANSPORT), or remove "
                        + flag);
            }
        }
    }

    /** The token from HOOK0_API_TOKEN_FILE or HOOK0_API_TOKEN, a pasted {@code Bearer } prefix removed. */
    private String readToken(Settings s) {
        String file = s.raw("--api-token-file", "HOOK0_API_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            String label = s.label("--api-token-file", "HOOK0_API_TOKEN_FILE");
            try {
                return readTokenFile(label, file.strip());
            } catch (ConfigException e) {
                if (TokenText.normalize(env.get("HOOK0_API_TOKEN")) == null) {
                    throw e;
                }
                throw new ConfigException(e.getMessage() + ". HOOK0_API_TOKEN is set too, but " + label
                        + " comes first: remove the token file setting (--api-token-file and HOOK0_API_TOKEN_FILE)"
                        + " to use HOOK0_API_TOKEN");
            }
        }
        return TokenText.normalize(env.get("HOOK0_API_TOKEN"));
    }

    /**
     * Error messages name the setting ({@code label}: the flag or the variable) and the path, unless the path
     * looks like the token itself pasted instead of a path.
     */
    private static String readTokenFile(String label, String file) {
        if (TokenText.looksLikeToken(file)) {
            throw new ConfigException(label + " must name a file holding the token, but its value looks"
                    + " like a token (" + TokenText.NOT_SHOWN + "); put the token in that file, or in HOOK0_API_TOKEN");
        }
        try {
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(Path.of(file))) {
                bytes = in.readNBytes(TokenText.MAX_BYTES + 1); // a device or a huge file is not read to the end
            }
            if (bytes.length > TokenText.MAX_BYTES) {
                throw new ConfigException(label + " " + file + " holds more than " + TokenText.MAX_BYTES
                        + " bytes: not a token file. Name a file holding only the service token");
            }
            String token = TokenText.normalize(new String(bytes, StandardCharsets.UTF_8));
            if (token == null) {
                throw new ConfigException(label + " " + file + " is empty: put the service token in it (Hook0"
                        + " dashboard: Organization → Service Tokens)");
            }
            return token;
        } catch (java.nio.file.NoSuchFileException e) {
            String relative = Path.of(file).isAbsolute() ? ""
                    : " (a relative path is read from " + Path.of("").toAbsolutePath() + "; give an absolute one)";
            throw new ConfigException("cannot read " + label + " " + file + ": no such file. Check the path"
                    + relative + ", or create the file holding the service token");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException("cannot read " + label + " " + file + ": permission denied. Let the user"
                    + " running hook0-mcp read it (e.g. chmod 600 and chown to that user)");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ConfigException("cannot read " + label + " " + file + ": "
                    + e.getClass().getSimpleName() + ". Name a readable file holding the service token");
        }
    }

    /** {@code https://x/}, {@code https://x/api/v1} and {@code https://x/api/v1/} all become {@code https://x}. */
    public static String normalizeApiUrl(String raw) {
        String url = raw.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/v1")) {
            url = url.substring(0, url.length() - "/api/v1".length());
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.length() <= "https://".length()) {
            throw new ConfigException("HOOK0_API_URL must be an http(s) URL such as " + Config.DEFAULT_API_URL
                    + ", not " + TokenText.quoted(raw));
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            if (uri.getRawUserInfo() != null) {
                // Not shown: the part before @ is a password. Hook0 takes only the token, so it would be ignored,
                // then printed wherever the URL is (an error message, get_token_info, check).
                throw new ConfigException("HOOK0_API_URL must not hold a user name or password (the part before"
                        + " @, not shown): Hook0 is authenticated by the service token alone; give the URL as "
                        + uri.getScheme() + "://" + (uri.getHost() == null ? "host" : uri.getHost())
                        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
            if (uri.getHost() == null) {
                throw new ConfigException("HOOK0_API_URL has no host: " + TokenText.quoted(raw));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("HOOK0_API_URL is not a valid URL: " + TokenText.quoted(raw));
        }
        return url;
    }

    private static Option byFlag(String flag) {
        for (Option o : OPTIONS) {
            if (flag.equals(o.flag())) {
                return o;
            }
        }
        return null;
    }

    /** Flag-over-environment lookup with typed parsing. */
    private final class Settings {
        private final Map<String, String> flags;

        Settings(Map<String, String> flags) {
            this.flags = flags;
        }

        String raw(String flag, String envName) {
            if (flag != null && flags.containsKey(flag)) {
                return flags.get(flag);
            }
            return envName == null ? null : env.get(envName);
        }

        private String label(String flag, String envName) {
            return flag != null && flags.containsKey(flag) ? flag : envName;
        }

        String string(String flag, String envName, String fallback) {
            String v = raw(flag, envName);
            return v == null || v.isBlank() ? fallback : v.strip();
        }

        boolean bool(String flag, String envName) {
            String v = raw(flag, envName);
            if (v == null || v.isBlank()) {
                return false;
            }
            return switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException(label(flag, envName) + " must be true or false, not " + TokenText.quoted(v));
            };
        }

        int integer(String flag, String envName, int fallback, int min, int max) {
            String v = raw(flag, envName);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.strip());
                if (n < min || n > max) {
                    throw new ConfigException(label(flag, envName) + " must be between " + min + " and " + max
                            + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(label(flag, envName) + " must be a whole number, not " + TokenText.quoted(v));
            }
        }

        Set<String> list(String flag, String envName) {
            String v = raw(flag, envName);
            if (v == null || v.isBlank()) {
                return Set.of();
            }
            return Arrays.stream(v.split(","))
                    .map(String::strip)
                    .filter(x -> !x.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
