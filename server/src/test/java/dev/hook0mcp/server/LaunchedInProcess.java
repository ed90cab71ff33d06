package dev.hook0mcp.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the real entry point, {@link Launcher}, in this JVM with a given environment, stdin text and terminal
 * answer, and captures what it writes to stdout and stderr (logs go to the JVM's own stderr, not here).
 */
final class LaunchedInProcess {

    record Outcome(int status, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private LaunchedInProcess() {}

    static Outcome run(Map<String, String> env, String stdin, boolean stdinIsTerminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemOut = System.out; // the stdio server points System.out at stderr while it serves
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new Launcher(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout,
                    stderr, () -> stdinIsTerminal).run(args);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(systemOut);
        }
    }

    static Outcome run(Map<String, String> env, String... args) {
        return run(env, "", false, args);
    }
}
