package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.Launcher;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The real server in this JVM: {@link Launcher#run} (what {@code main} runs) on its own thread, with stdin and
 * stdout as pipes, driven over stdio by the MCP Java SDK client, like {@link ServerJar} without a JVM start.
 * Its stderr is what it writes directly plus every log line written while it runs ({@link StandardErrorTap}).
 * What depends on the process itself (exit status of the JVM, signals, JVM options, stdout of the whole process)
 * stays with {@link ServerJar} and {@link RawProcess}.
 */
final class InProcessServer implements AutoCloseable {

    final McpSyncClient client;
    final McpSchema.InitializeResult initialized;
    private final Run run;

    private InProcessServer(Map<String, String> env, List<String> args, UnaryOperator<McpClient.SyncSpec> customize,
            Clock clock) throws IOException {
        run = new Run(env, new ArrayList<>(args), clock);
        var transport = new PipedClientTransport(new JacksonMcpJsonMapper(new ObjectMapper()), run.toServer,
                run.fromServer, run::close);
        client = customize.apply(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))).build();
        McpSchema.InitializeResult result;
        try {
            result = client.initialize();
        } catch (RuntimeException e) {
            run.close();
            throw new IllegalStateException(e.getMessage() + "; stderr:\n" + run.stderr(), e);
        }
        initialized = result;
    }

    /** Starts the server against {@code apiUrl} with {@code token} (and any extra environment). */
    static InProcessServer start(String apiUrl, String token, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("HOOK0_API_URL", apiUrl);
        env.put("HOOK0_API_TOKEN", token);
        return start(env, spec -> spec, args);
    }

    /** Starts the server with exactly {@code env}, its client built from the SDK's spec after {@code customize}. */
    static InProcessServer start(Map<String, String> env, UnaryOperator<McpClient.SyncSpec> customize,
            String... args) {
        return start(env, Clock.systemUTC(), customize, args);
    }

    /** As {@link #start(Map, UnaryOperator, String...)}, the server's clock being {@code clock} (a test moves it). */
    static InProcessServer start(Map<String, String> env, Clock clock, UnaryOperator<McpClient.SyncSpec> customize,
            String... args) {
        try {
            return new InProcessServer(env, List.of(args), customize, clock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that ends by itself (check, help, a bad configuration) to completion, stdin empty. */
    static RawProcess.Outcome run(Map<String, String> env, String... args) {
        return runWithInput(env, "", args);
    }

    /** Runs a command that ends by itself with {@code stdin} as its input (as {@code echo … | java -jar …}). */
    static RawProcess.Outcome runWithInput(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream systemOut = System.out; // the stdio server points System.out at stderr while it serves
        try (StandardErrorTap.Recorder logs = StandardErrorTap.record()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Launcher(environment(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(args);
            return new RawProcess.Outcome(status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8) + logs.text());
        } finally {
            System.setOut(systemOut);
        }
    }

    /** The server with raw stdio lines, for what an SDK client would hide (as {@link RawProcess} for the jar). */
    static Lines lines(Map<String, String> env, String... args) {
        try {
            return new Lines(Run.start(env, List.of(args)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw JSON-RPC lines to and from an in-process server. */
    static final class Lines implements StdioLines, AutoCloseable {
        private final Run run;
        private final java.io.BufferedReader stdout;

        private Lines(Run run) {
            this.run = run;
            this.stdout = new java.io.BufferedReader(new java.io.InputStreamReader(run.fromServer, StandardCharsets.UTF_8));
        }

        @Override
        public void send(String line) throws IOException {
            run.toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            run.toServer.flush();
        }

        @Override
        public String readLine() throws IOException {
            return stdout.readLine();
        }

        /** Ends the server's input, as the end of a client process or of a piped file would. */
        void closeInput() throws IOException {
            run.toServer.close();
        }

        /** The status {@code main} would exit with, once the server has stopped (null if it has not). */
        Integer awaitExit(Duration wait) {
            return run.awaitExit(wait);
        }

        String stderr() {
            return run.stderr();
        }

        @Override
        public void close() {
            run.close();
        }
    }

    /** The environment the server sees: only {@code env} (never the developer's own), probing unpaced. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("HOOK0_UNPACED_PROBES", "true"); // the sandbox and the test doubles have no rate limit
        env.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                all.put(k, v);
            }
        });
        return all;
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    String stderr() {
        return run.stderr();
    }

    /** The status {@code main} would exit with, once the server has stopped (null if it has not). */
    Integer awaitExit(Duration wait) {
        return run.awaitExit(wait);
    }

    @Override
    public void close() {
        client.closeGracefully();
        run.close();
    }

    /** One run of {@link Launcher} on its own thread, its stdio as pipes. */
    private static final class Run implements AutoCloseable {
        /** The stdio server points System.out at stderr while it serves; put back when a run is closed. */
        private static final PrintStream SYSTEM_OUT = System.out;

        final java.io.OutputStream toServer;
        final java.io.InputStream fromServer;
        private final Pipe.SinkChannel stdoutSink;
        private final StandardErrorTap.Recorder logs;
        private final ByteArrayOutputStream direct = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> status = new CompletableFuture<>();

        private Run(Map<String, String> env, List<String> args, Clock clock) throws IOException {
            Pipe stdin = Pipe.open();
            Pipe stdout = Pipe.open();
            toServer = Channels.newOutputStream(stdin.sink());
            fromServer = Channels.newInputStream(stdout.source());
            stdoutSink = stdout.sink();
            logs = StandardErrorTap.record();
            Launcher launcher = new Launcher(environment(env), Channels.newInputStream(stdin.source()),
                    new PrintStream(Channels.newOutputStream(stdoutSink), true, StandardCharsets.UTF_8),
                    new PrintStream(direct, true, StandardCharsets.UTF_8), clock);
            Thread thread = new Thread(() -> {
                try {
                    status.complete(launcher.run(args.toArray(String[]::new)));
                } catch (Throwable t) {
                    status.completeExceptionally(t);
                } finally {
                    try {
                        stdoutSink.close(); // the client sees the end of stdout, as when a process ends
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "in-process-hook0-mcp");
            thread.setDaemon(true);
            thread.start();
        }

        static Run start(Map<String, String> env, List<String> args) throws IOException {
            return new Run(env, new ArrayList<>(args), Clock.systemUTC());
        }

        Integer awaitExit(Duration wait) {
            try {
                return status.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the server failed", e.getCause());
            }
        }

        String stderr() {
            String own;
            synchronized (direct) {
                own = direct.toString(StandardCharsets.UTF_8);
            }
            return own + logs.text();
        }

        /** Closes stdin, waits for the server to stop; its stderr stays readable. */
        @Override
        public void close() {
            try {
                toServer.close();
            } catch (IOException ignored) {
                // already closed
            }
            awaitExit(Duration.ofSeconds(30));
            logs.close();
            System.setOut(SYSTEM_OUT);
        }
    }
}
