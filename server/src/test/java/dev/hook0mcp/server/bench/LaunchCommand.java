package dev.hook0mcp.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How users launch the server, read from {@code claude-config-example.json} (the file README points clients
 * to), so the benchmark measures exactly that command: its {@code command} found on the PATH as a client would,
 * its {@code args} with the placeholder checkout path replaced by this checkout, and its {@code env} with the
 * Hook0 URL and token replaced by the benchmark's.
 */
record LaunchCommand(List<String> command, Map<String, String> env) {

    static final String CONFIG_FILE = "claude-config-example.json";
    private static final String PLACEHOLDER_CHECKOUT = "/absolute/path/to/hook0-mcp";

    static LaunchCommand fromClientConfig(Path repoRoot) throws IOException {
        JsonNode server = new ObjectMapper().readTree(Files.readString(repoRoot.resolve(CONFIG_FILE)))
                .path("mcpServers").path("hook0");
        if (!server.path("command").isTextual()) {
            throw new IllegalStateException(CONFIG_FILE + " has no mcpServers.hook0.command");
        }
        String checkout = repoRoot.toAbsolutePath().normalize().toString();
        List<String> command = new ArrayList<>();
        command.add(server.path("command").asText());
        server.path("args").forEach(a -> command.add(a.asText().replace(PLACEHOLDER_CHECKOUT, checkout)));
        Map<String, String> env = new LinkedHashMap<>();
        server.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.remove("HOOK0_API_URL");
        env.remove("HOOK0_API_TOKEN");
        return new LaunchCommand(List.copyOf(command), Map.copyOf(env));
    }

    /**
     * The JVM options README's "Over HTTP" section gives for a shared server: the JVM's default JIT (C1 then C2:
     * a server that runs for days gains from C2's code; the client launch command's C1-only options are for fast
     * starts) and the serial collector, the best throughput on the 2 cores the figures are for.
     */
    static final List<String> HTTP_SERVER_OPTIONS = List.of("-XX:+UseSerialGC");

    /** {@code java <HTTP_SERVER_OPTIONS> -jar <the same jar>}: how README tells a team to run the HTTP server. */
    LaunchCommand httpServer() {
        int jar = command.indexOf("-jar");
        if (jar < 0 || jar + 1 >= command.size()) {
            throw new IllegalStateException(CONFIG_FILE + " does not start the server with -jar <jar>: " + this);
        }
        List<String> http = new ArrayList<>();
        http.add(command.get(0));
        http.addAll(HTTP_SERVER_OPTIONS);
        // a developer's own additions, a profiler agent say (never set by the benchmark itself)
        String extra = System.getProperty("hook0mcp.bench.http.jvm.extra", "").strip();
        if (!extra.isEmpty()) {
            http.addAll(List.of(extra.split("\\s+")));
        }
        http.addAll(command.subList(jar, jar + 2));
        return new LaunchCommand(List.copyOf(http), env);
    }

    /** The process builder for this command against {@code apiUrl}, with {@code token} unless it is null. */
    ProcessBuilder builder(String apiUrl, String token, List<String> extraArgs) {
        List<String> full = new ArrayList<>(command);
        full.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(full);
        Map<String, String> childEnv = builder.environment();
        // the caller's own shell settings must not leak into the measured server
        childEnv.keySet().removeIf(k -> k.startsWith("HOOK0_") || k.startsWith("MCP_") || k.equals("JAVA_TOOL_OPTIONS"));
        childEnv.putAll(env);
        childEnv.put("HOOK0_API_URL", apiUrl);
        if (token != null) {
            childEnv.put("HOOK0_API_TOKEN", token);
        }
        return builder;
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
