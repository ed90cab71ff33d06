package dev.hook0mcp.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the numbers of DESIGN.md's performance budget for the built jar, against an in-process sandbox:
 * cold start to the first tools/list over stdio (probe included), per-call overhead of the MCP layer over a
 * direct HTTP call to the same route, idle RSS, and the size of tools/list. Not a test: timings on a shared
 * machine are for people to read, never to assert.
 *
 * <pre>
 * mvn -B -DskipTests package test-compile
 * java -cp server/target/hook0-mcp.jar:server/target/test-classes dev.hook0mcp.server.bench.Benchmark [jvm flags...]
 * </pre>
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STARTS = 5;
    private static final int CALLS = 300;
    private static final int WARMUP = 1_000;

    public static void main(String[] jvmFlags) throws Exception {
        Path jar = Path.of(System.getProperty("hook0mcp.jar", "server/target/hook0-mcp.jar"));
        try (Sandbox sandbox = Sandbox.start(0)) {
            String app = sandbox.applicationId().toString();
            List<Long> starts = new ArrayList<>();
            int toolsListBytes = 0;
            long idleRssKb = 0;
            long busyRssKb = 0;
            double mcpCallMs = 0;
            for (int run = 0; run < STARTS; run++) {
                try (StdioSession s = new StdioSession(jar, List.of(jvmFlags), sandbox)) {
                    long t0 = System.nanoTime();
                    s.request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}");
                    s.notify("notifications/initialized");
                    String tools = s.request("tools/list", "{}");
                    starts.add((System.nanoTime() - t0) / 1_000_000);
                    toolsListBytes = JSON.readTree(tools).path("result").toString().getBytes(StandardCharsets.UTF_8).length;
                    if (run == STARTS - 1) {
                        Thread.sleep(2_000);
                        idleRssKb = s.rssKb();
                        String call = "{\"name\":\"get_application\",\"arguments\":{\"application_id\":\"" + app + "\"}}";
                        for (int i = 0; i < WARMUP; i++) {
                            s.request("tools/call", call); // let the JIT compile the hot path first
                        }
                        long c0 = System.nanoTime();
                        for (int i = 0; i < CALLS; i++) {
                            s.request("tools/call", call);
                        }
                        mcpCallMs = (System.nanoTime() - c0) / 1e6 / CALLS;
                        busyRssKb = s.rssKb();
                    }
                }
            }
            double directMs = directCallMs(sandbox, app);
            starts.sort(Long::compare);
            System.out.println("jvm flags:                         " + (jvmFlags.length == 0 ? "(none)" : String.join(" ", jvmFlags)));
            System.out.println("cold start to first tools/list:    median " + starts.get(starts.size() / 2) + " ms "
                    + starts + " (root token, probe included)");
            System.out.printf("tool call over stdio:              %.2f ms mean of %d%n", mcpCallMs, CALLS);
            System.out.printf("direct HTTP call, same route:      %.2f ms mean of %d%n", directMs, CALLS);
            System.out.printf("MCP layer overhead per call:       %.2f ms (budget 1 ms)%n", mcpCallMs - directMs);
            System.out.println("idle RSS after start:              " + idleRssKb / 1024 + " MB (budget 120 MB)");
            System.out.println("RSS after " + (WARMUP + CALLS) + " calls:            " + busyRssKb / 1024 + " MB");
            System.out.println("tools/list result:                 " + toolsListBytes + " bytes (budget 40 KB)");
        }
    }

    private static double directCallMs(Sandbox sandbox, String app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/applications/" + app))
                .header("Authorization", "Bearer " + sandbox.rootToken()).build();
        for (int i = 0; i < WARMUP; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return (System.nanoTime() - t0) / 1e6 / CALLS;
    }

    /** The jar as a child process speaking newline-delimited JSON-RPC. */
    private static final class StdioSession implements AutoCloseable {
        private final Process process;
        private final OutputStream in;
        private final BufferedReader out;
        private int id;

        StdioSession(Path jar, List<String> jvmFlags, Sandbox sandbox) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmFlags);
            command.addAll(Arrays.asList("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("HOOK0_API_URL", sandbox.baseUrl());
            builder.environment().put("HOOK0_API_TOKEN", sandbox.rootToken());
            process = builder.start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        String request(String method, String params) throws Exception {
            int n = ++id;
            send("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            for (String line; (line = out.readLine()) != null; ) {
                JsonNode message = JSON.readTree(line);
                if (message.path("id").asInt(-1) == n) {
                    return line;
                }
            }
            throw new IllegalStateException("the server closed stdout");
        }

        void notify(String method) throws Exception {
            send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
        }

        private void send(String line) throws Exception {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        long rssKb() throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
