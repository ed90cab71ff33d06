package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Node project under {@code src/test/node} (the official TypeScript MCP SDK client, version pinned by its
 * package-lock.json), copied into {@code target/ts-client} and installed there with {@code npm ci} when its
 * node_modules is missing or was installed from another lock file. Needs Node 18+ and npm on the PATH.
 */
final class TypeScriptClient {

    static final int MIN_NODE_MAJOR = 18;
    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long RUN_TIMEOUT_SECONDS = 240;
    private static final String INSTALLED_LOCK = "node_modules/.installed-package-lock.json";

    private final Path dir;

    private TypeScriptClient(Path dir) {
        this.dir = dir;
    }

    /**
     * Installs the Node projects the integration tests run — the TypeScript SDK client and Hook0's Biscuit engine —
     * as {@code mvn verify} does before them (pre-integration-test), so installing dependencies is a build step, as
     * Maven's own are; a test run alone still installs what is missing.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        prepare();
        prepare(Path.of("src/test/node-biscuit"), Path.of("target/node-biscuit"));
    }

    /** The project ready to run: sources copied, dependencies installed if needed. */
    static TypeScriptClient prepare() throws IOException, InterruptedException {
        return prepare(Path.of(System.getProperty("hook0mcp.node.dir", "src/test/node")),
                Path.of(System.getProperty("hook0mcp.node.build.dir", "target/ts-client")));
    }

    /** Any Node project of the tests (its files copied from {@code source} into {@code build}, then installed). */
    static TypeScriptClient prepare(Path source, Path build) throws IOException, InterruptedException {
        requireNode();
        Files.createDirectories(build);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, build.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        TypeScriptClient client = new TypeScriptClient(build);
        client.installIfStale();
        return client;
    }

    /** Runs {@code script} with {@code args}; returns its stdout parsed as JSON (stderr goes to a log file). */
    JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path log = dir.resolve(script + ".stderr.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in " + RUN_TIMEOUT_SECONDS + " s; see " + log);
        }
        String stdout = new String(out, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0 || stdout.isEmpty()) {
            throw new IllegalStateException(script + " exited with " + p.exitValue() + "; stdout: " + stdout
                    + "\nstderr:\n" + tail(log));
        }
        Files.writeString(dir.resolve(script + ".report.json"), stdout); // kept for reading after a failure
        return Results.JSON.readTree(stdout);
    }

    /** A file of the project, by absolute path (a Node process started elsewhere can run it). */
    Path file(String name) {
        return dir.resolve(name).toAbsolutePath();
    }

    String stderrOf(String script) throws IOException {
        return tail(dir.resolve(script + ".stderr.log"));
    }

    private void installIfStale() throws IOException, InterruptedException {
        Path lock = dir.resolve("package-lock.json");
        Path installed = dir.resolve(INSTALLED_LOCK);
        boolean hasLock = Files.isRegularFile(lock);
        if (hasLock && Files.isRegularFile(installed) && Files.mismatch(lock, installed) == -1) {
            return;
        }
        List<String> command = hasLock
                ? List.of("npm", "ci", "--no-audit", "--no-fund")
                : List.of("npm", "install", "--no-audit", "--no-fund");
        Path log = dir.resolve("npm-install.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                    + INSTALL_TIMEOUT_SECONDS + " s (registry unreachable?); see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n" + tail(log));
        }
        if (Files.isRegularFile(lock)) {
            Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void requireNode() throws IOException, InterruptedException {
        String version;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("these tests need Node " + MIN_NODE_MAJOR + "+ and npm on the PATH: "
                    + e.getMessage(), e);
        }
        Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
            throw new IllegalStateException("these tests need Node " + MIN_NODE_MAJOR + "+, found: " + version);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 8000 ? text : "…" + text.substring(text.length() - 8000);
    }
}
