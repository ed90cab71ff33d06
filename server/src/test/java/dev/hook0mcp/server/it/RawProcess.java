package dev.hook0mcp.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The jar as a plain child process, for what an SDK client would hide: raw stdout lines, exit status. */
final class RawProcess implements StdioLines, AutoCloseable {

    final Process process;
    private final BufferedReader stdout;
    private final OutputStream stdin;
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    RawProcess(Map<String, String> env, String... args) throws IOException {
        this(false, env, args);
    }

    private RawProcess(boolean keepStderr, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ServerJar.javaExecutable());
        command.addAll(ServerJar.command(List.of(args)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(env));
        if (!keepStderr) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        process = builder.start();
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        stdin = process.getOutputStream();
        if (keepStderr) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        stderr.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "raw-process-stderr");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** The jar as a plain child process whose stderr lines are kept ({@link #stderr}, {@link #awaitStderr}). */
    static RawProcess keepingStderr(Map<String, String> env, String... args) throws IOException {
        return new RawProcess(true, env, args);
    }

    /** The stderr lines read so far (none unless started {@link #keepingStderr}). */
    String stderr() {
        return String.join("\n", stderr);
    }

    /** Waits until a stderr line contains {@code text}; false when none did within {@code timeout}. */
    boolean awaitStderr(String text, Duration timeout) throws InterruptedException {
        return Eventually.within(timeout, () -> stderr().contains(text));
    }

    @Override
    public void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    @Override
    public String readLine() throws IOException {
        return stdout.readLine();
    }

    /** Runs to completion and returns [exit status, stdout, stderr]. */
    static Outcome run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServerJar.javaExecutable());
        command.addAll(ServerJar.command(List.of(args)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(env));
        Process p = builder.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the process did not end");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    record Outcome(int status, String stdout, String stderr) {}

    @Override
    public void close() throws Exception {
        stdin.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
