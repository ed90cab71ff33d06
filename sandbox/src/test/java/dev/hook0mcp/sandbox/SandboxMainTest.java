package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line: what it prints, {@code --help}, and an unknown flag. */
class SandboxMainTest {

    @Test
    void printsUrlIdsAndWorkingTokens() {
        try (Sandbox sandbox = Sandbox.start(0)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.print(sandbox, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Map<String, String> values = new HashMap<>();
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && line.contains("=")) {
                    values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            assertEquals(sandbox.baseUrl(), values.get("HOOK0_API_URL"));
            assertEquals(sandbox.applicationId().toString(), values.get("APPLICATION_ID"));
            Api api = new Api(sandbox);
            String events = "/events?application_id=" + sandbox.applicationId();
            assertEquals(200, api.get("/organizations", values.get("TOKEN_ROOT")).status());
            assertEquals(403, api.get("/organizations", values.get("TOKEN_ONE_APPLICATION")).status());
            assertEquals(200, api.get(events, values.get("TOKEN_ONE_APPLICATION")).status());
            assertEquals(200, api.get(events, values.get("TOKEN_READ_ONLY")).status());
            assertEquals(200, api.get(events, values.get("TOKEN_READ_INGEST")).status());
            assertEquals(403, api.get(events, values.get("TOKEN_EXPIRED")).status());
        }
    }

    @Test
    void helpExitsZeroAndUnknownFlagExitsTwo() throws Exception {
        Process helpProcess = start("--help");
        Process unknownProcess = start("--bogus"); // side by side: each is a JVM start
        Run help = finish(helpProcess);
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("Usage"), help.stdout());
        Run unknown = finish(unknownProcess);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.stderr().contains("unknown argument: --bogus"), unknown.stderr());
    }

    record Run(int exit, String stdout, String stderr) {
    }

    private static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static Run finish(Process process) throws IOException, InterruptedException {
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
