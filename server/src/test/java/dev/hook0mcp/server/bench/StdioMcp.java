package dev.hook0mcp.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An MCP server as a child process speaking newline-delimited JSON-RPC on stdin/stdout, driven the way a client
 * does: initialize, wait for the answer, notifications/initialized, then requests. Its stderr goes to a file.
 */
final class StdioMcp implements AutoCloseable {

    static final String INITIALIZE = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"hook0-mcp-bench\",\"version\":\"1\"}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXIT_WAIT_SECONDS = 10;
    /** An answer that has not come after this long never will: the process is killed so the benchmark ends. */
    static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final long spawnedAtNanos;
    private int id;
    private volatile long waitingSinceNanos; // 0 when no answer is awaited
    private final Thread watchdog;

    /** Starts the process; the clock of {@link #sinceSpawnMs} starts just before the spawn. */
    StdioMcp(ProcessBuilder builder, File stderrLog) throws IOException {
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog));
        spawnedAtNanos = System.nanoTime();
        process = builder.start();
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        watchdog = new Thread(this::killWhenStuck, "stdio-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void killWhenStuck() {
        while (process.isAlive()) {
            long since = waitingSinceNanos;
            if (since != 0 && System.nanoTime() - since > ANSWER_TIMEOUT_NANOS) {
                process.destroyForcibly(); // the blocked read then sees end of stream
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A line from stdout, or null at its end (also after the watchdog killed a stuck process). */
    private String readLine() throws IOException {
        waitingSinceNanos = System.nanoTime();
        try {
            return out.readLine();
        } finally {
            waitingSinceNanos = 0;
        }
    }

    /** The MCP handshake then tools/list; returns the tools/list answer line as served. */
    String handshakeAndListTools() throws IOException {
        request("initialize", INITIALIZE);
        notify("notifications/initialized");
        return request("tools/list", "{}");
    }

    double sinceSpawnMs() {
        return (System.nanoTime() - spawnedAtNanos) / 1e6;
    }

    /** Sends one request and returns its answer line (server notifications and requests in between are skipped). */
    String request(String method, String params) throws IOException {
        int n = send(method, params);
        for (String line; (line = readLine()) != null; ) {
            if (answerId(line) == n) {
                return line;
            }
        }
        throw new IOException("the server closed stdout or gave no answer in 60 s; see its stderr log");
    }

    /** Sends {@code count} identical requests, at most {@code window} unanswered at a time; returns failures. */
    int requestMany(String method, String params, int count, int window) throws IOException {
        Set<Integer> pending = new HashSet<>();
        int sent = 0;
        int failures = 0;
        while (sent < count || !pending.isEmpty()) {
            while (sent < count && pending.size() < window) {
                pending.add(send(method, params));
                sent++;
            }
            String line = readLine();
            if (line == null) {
                throw new IOException("the server closed stdout or gave no answer in 60 s; see its stderr log");
            }
            if (pending.remove(answerId(line)) && (line.contains("\"isError\":true") || !line.contains("\"result\""))) {
                failures++;
            }
        }
        return failures;
    }

    void notify(String method) throws IOException {
        write("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private int send(String method, String params) throws IOException {
        int n = ++id;
        write("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return n;
    }

    private void write(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The id of an answer, or -1 for a notification, a server request or an id that is not ours. */
    private static int answerId(String line) throws IOException {
        JsonNode message = JSON.readTree(line);
        if (message.has("method") || !message.path("id").isInt()) {
            return -1;
        }
        return message.path("id").asInt();
    }

    /** Closes stdin, as a client does, and waits for the exit (killed if it does not come). */
    @Override
    public void close() throws Exception {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
