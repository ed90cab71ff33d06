package dev.hook0mcp.server.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real server: {@code java -jar server/target/hook0-mcp.jar} launched as a child process, driven over stdio
 * by the MCP Java SDK client. Everything it writes on stderr is kept for assertions.
 */
final class ServerJar implements AutoCloseable {

    final McpSyncClient client;
    final McpSchema.InitializeResult initialized;
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private ServerJar(Map<String, String> env, List<String> args) {
        ServerParameters params = ServerParameters.builder(javaExecutable())
                .args(command(args))
                .env(cleanEnv(env))
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(stderr::add);
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build();
        initialized = client.initialize();
    }

    /** Starts the jar against {@code apiUrl} with {@code token} (and any extra environment). */
    static ServerJar start(String apiUrl, String token, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("HOOK0_API_URL", apiUrl);
        env.put("HOOK0_API_TOKEN", token);
        return new ServerJar(env, List.of(args));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar under test; HOOK0MCP_IT_JAR names another one (e.g. an older build, to see a new test fail on it). */
    static Path jar() {
        String other = System.getenv("HOOK0MCP_IT_JAR");
        Path jar = Path.of(other != null && !other.isBlank() ? other
                : System.getProperty("hook0mcp.jar", "target/hook0-mcp.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the server jar is missing: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    static List<String> command(List<String> args) {
        Path jar = jar().toAbsolutePath(); // absolute, as the archive recorded it
        List<String> command = new ArrayList<>(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        // the class-data archive the build writes next to the jar, as README's launch command uses it
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
        if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-Xlog:all=warning:stderr"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /**
     * The child must not inherit a developer's own Hook0 settings. It probes unpaced (the sandbox and the test
     * doubles have no rate limit; the probe quotas still count) unless {@code env} says otherwise.
     */
    static Map<String, String> cleanEnv(Map<String, String> env) {
        Map<String, String> clean = new LinkedHashMap<>();
        // the probe cache of the tests stays under target/, out of the developer's own cache directory
        clean.put("HOOK0_PROBE_CACHE_DIR", Path.of("target", "probe-cache-it").toAbsolutePath().toString());
        for (String name : List.of("HOOK0_API_TOKEN", "HOOK0_API_TOKEN_FILE", "HOOK0_READ_ONLY", "HOOK0_TOOLSETS",
                "HOOK0_TOOLS", "HOOK0_EXCLUDE_TOOLS", "HOOK0_REVEAL_SECRETS", "MCP_TRANSPORT")) {
            clean.put(name, "");
        }
        clean.put("HOOK0_UNPACED_PROBES", "true");
        clean.putAll(env);
        return clean;
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
