package dev.hook0mcp.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The short sessions the build runs to make the class-data archive ({@code server/pom.xml}: {@code java
 * -XX:ArchiveClassesAtExit=target/hook0-mcp.jsa -cp target/hook0-mcp.jar dev.hook0mcp.server.TrainingRun}): the
 * real server on stdio, configured as users configure it (a Hook0 URL, a token, a probe-cache directory), driven
 * through initialize, tools/list and a few calls, twice: a first start that probes Hook0, then a second start
 * that lists the tools from the probe cache. Hook0 is the sandbox in a separate JVM, so the archive holds the
 * classes a user's starts and first calls load and none of the sandbox's (a tenth of the archive, mapped into
 * every server's memory). Not for users; prints nothing on stdout.
 */
public final class TrainingRun {

    private static final List<String> CALLS = List.of(
            "{\"name\":\"list_applications\",\"arguments\":{}}",
            "{\"name\":\"list_event_types\",\"arguments\":{}}",
            "{\"name\":\"get_token_info\",\"arguments\":{}}",
            "{\"name\":\"list_applications\",\"arguments\":{}}");

    private TrainingRun() {}

    public static void main(String[] args) throws Exception {
        StartUpOverlap.begin(); // as Main starts, so that its classes are in the archive too
        PrintStream messages = Main.setUpStandardError();
        Process hook0 = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.hook0mcp.sandbox.SandboxMain")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path cache = Files.createTempDirectory("hook0-mcp-training");
        boolean ok;
        try {
            Map<String, String> printed = sandboxLines(hook0);
            Map<String, String> env = Map.of("HOOK0_API_URL", printed.get("HOOK0_API_URL"),
                    "HOOK0_API_TOKEN", printed.get("TOKEN_ROOT"), "HOOK0_PROBE_CACHE_DIR", cache.toString());
            ok = session(env, messages) == 0 && session(env, messages) == 0; // a first start, then a second one from the probe cache
        } finally {
            hook0.destroy();
            try (var files = Files.walk(cache)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        System.exit(ok ? 0 : 1); // the JVM writes the archive on this exit
    }

    /**
     * The sandbox's KEY=value lines, up to its root token (it keeps running and printing nothing more). A sandbox
     * that has not printed them within a minute is stopped, which ends the wait with an error instead of a build
     * that never ends.
     */
    private static Map<String, String> sandboxLines(Process hook0) throws IOException {
        AtomicBoolean printed = new AtomicBoolean();
        CompletableFuture.runAsync(() -> {
            if (!printed.get()) {
                hook0.destroyForcibly();
            }
        }, CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS));
        BufferedReader lines = new BufferedReader(new InputStreamReader(hook0.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (values.containsKey("TOKEN_ROOT") && values.containsKey("HOOK0_API_URL")) {
                printed.set(true);
                return values;
            }
        }
        throw new IOException("the sandbox ended before printing its URL and root token");
    }

    private static int session(Map<String, String> env, PrintStream messages) throws Exception {
        // OS pipes, as a client's: java.io's piped streams break once a thread that used them ends, and the
        // thread that answers a restart's handshake ends when the server takes over.
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        OutputStream toServer = Channels.newOutputStream(in.sink());
        InputStream serverIn = Channels.newInputStream(in.source());
        InputStream fromServer = Channels.newInputStream(out.source());
        PrintStream serverOut = new PrintStream(Channels.newOutputStream(out.sink()), true, StandardCharsets.UTF_8);
        int[] status = {-1};
        Thread server = new Thread(() -> status[0] = new Launcher(env, serverIn, serverOut, messages)
                .run(new String[0]), "training-server");
        server.start();
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}");
        awaitAnswer(answers, 0);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        awaitAnswer(answers, 1);
        for (int i = 0; i < CALLS.size(); i++) {
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 2) + ",\"method\":\"tools/call\",\"params\":"
                    + CALLS.get(i) + "}");
            awaitAnswer(answers, i + 2);
        }
        toServer.close(); // end of input: the server stops as it does when a client goes away
        server.join(30_000);
        return status[0];
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitAnswer(BufferedReader answers, int id) throws IOException {
        String marker = "\"id\":" + id + ",";
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            if (line.contains(marker) || line.contains("\"id\":" + id + "}")) {
                return;
            }
        }
        throw new IOException("the training session ended before answering request " + id);
    }
}
