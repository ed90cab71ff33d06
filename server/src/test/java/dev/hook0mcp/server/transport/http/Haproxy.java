package dev.hook0mcp.server.transport.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * HAProxy running the repository's {@code deploy/haproxy.cfg}, with its bind port and its server addresses
 * replaced by a free loopback port and the given replicas. Its stderr (server state changes) is kept. Used by
 * {@link StatelessBalancerIT} and the benchmark.
 */
public final class Haproxy implements AutoCloseable {

    private static final Pattern SERVER_LINE = Pattern.compile("(?m)^\\s*server mcp\\d+ .*\\R");

    public final int port;
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    /** The haproxy process (its CPU time is part of what a call costs behind it). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    private Haproxy(int port, Process process) {
        this.port = port;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // haproxy ended
            }
        }, "haproxy-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether {@code haproxy} runs here. */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The repository's configuration file. */
    static Path configFile() {
        for (Path p : List.of(Path.of("..", "deploy", "haproxy.cfg"), Path.of("deploy", "haproxy.cfg"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("deploy/haproxy.cfg not found from " + Path.of("").toAbsolutePath());
    }

    /** deploy/haproxy.cfg for a balancer on 127.0.0.1:{@code port} in front of replicas on these ports. */
    static String config(int port, List<Integer> replicaPorts) throws IOException {
        String text = Files.readString(configFile());
        if (!text.contains("bind :8080") || !SERVER_LINE.matcher(text).find()) {
            throw new IllegalStateException("deploy/haproxy.cfg no longer has the 'bind :8080' and 'server mcpN'"
                    + " lines this test substitutes");
        }
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < replicaPorts.size(); i++) {
            servers.append("    server mcp").append(i + 1).append(" 127.0.0.1:").append(replicaPorts.get(i)).append('\n');
        }
        text = SERVER_LINE.matcher(text).replaceAll("");
        return text.replace("bind :8080", "bind 127.0.0.1:" + port).stripTrailing() + "\n" + servers;
    }

    public static Haproxy start(List<Integer> replicaPorts, Path workDir) throws Exception {
        int port = freePort();
        Files.createDirectories(workDir);
        Path cfg = workDir.resolve("haproxy-" + port + ".cfg");
        Files.writeString(cfg, config(port, replicaPorts));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true).start();
        Haproxy haproxy = new Haproxy(port, process);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped: " + haproxy.output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return haproxy;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        haproxy.close();
        throw new IllegalStateException("haproxy did not listen on " + port + ": " + haproxy.output());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until a line of haproxy's output matches; false on timeout. */
    boolean awaitOutput(Predicate<String> line, long timeoutMillis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < until) {
            synchronized (output) {
                if (output.stream().anyMatch(line)) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
