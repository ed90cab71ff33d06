package dev.hook0mcp.server.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N jar processes serving {@code --transport http --stateless --metrics} against one Hook0, started together;
 * reads each one's CPU time (/proc) and tool calls served (its /metrics), so the benchmark can give CPU per call
 * per replica.
 */
final class StatelessReplicas implements AutoCloseable {

    private static final Pattern TOOL_CALLS = Pattern.compile("(?m)^hook0_mcp_tool_calls_total\\{[^}]*} (\\S+)$");

    /** CPU milliseconds and tool calls served of each replica at one moment. */
    record Snapshot(long[] cpuMillis, double[] calls) {}

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final HttpClient http;

    StatelessReplicas(LaunchCommand launch, String apiUrl, int n, Path log, HttpClient http) throws Exception {
        this.http = http;
        for (int i = 0; i < n; i++) {
            int port = freePort();
            ProcessBuilder builder = launch.builder(apiUrl, null, List.of("--transport", "http", "--stateless",
                    "--metrics", "--port", Integer.toString(port)));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            processes.add(builder.start());
            ports.add(port);
        }
        for (int i = 0; i < n; i++) {
            awaitListening(ports.get(i), processes.get(i));
        }
    }

    List<ProcessHandle> handles() {
        return processes.stream().map(Process::toHandle).toList();
    }

    List<Integer> ports() {
        return ports;
    }

    Snapshot snapshot() {
        long[] cpu = new long[ports.size()];
        double[] calls = new double[ports.size()];
        for (int i = 0; i < ports.size(); i++) {
            cpu[i] = ProcStats.cpuMillis(processes.get(i).toHandle());
            calls[i] = toolCalls(ports.get(i));
        }
        return new Snapshot(cpu, calls);
    }

    private double toolCalls(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            Matcher m = TOOL_CALLS.matcher(r.body());
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("a stateless replica exited; see server/target/bench-logs");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("a stateless replica did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy); // SIGTERM
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
