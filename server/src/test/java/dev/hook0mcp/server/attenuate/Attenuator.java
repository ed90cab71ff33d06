package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.Launcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code hook0-mcp attenuate} in-process through the real entry point, {@link Launcher}. */
final class Attenuator {

    record Outcome(int status, String stdout, String stderr) {
        /** The token printed on stdout: the only line there. */
        String token() {
            List<String> lines = stdout.lines().toList();
            if (status != 0 || lines.size() != 1) {
                throw new AssertionError("expected one token line on stdout, status " + status + ", stdout "
                        + lines.size() + " line(s); stderr:\n" + stderr);
            }
            return lines.get(0);
        }
    }

    private Attenuator() {}

    static Outcome run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "attenuate";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = new Launcher(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The environment of a user with HOOK0_API_URL and HOOK0_API_TOKEN set, probing the sandbox (which has no rate
     * limit) unpaced.
     */
    static Map<String, String> env(String apiUrl, String token) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOOK0_API_URL", apiUrl);
        env.put("HOOK0_UNPACED_PROBES", "true");
        if (token != null) {
            env.put("HOOK0_API_TOKEN", token);
        }
        return env;
    }
}
