package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The MCP Bundle as {@code packaging/mcpb/build.sh} makes it (built once per test JVM): {@code target/hook0-mcp.mcpb},
 * unpacked as a client unpacks it on install, plus the {@code server.json} and {@code mcpb validate} output the
 * script writes. The script installs the pinned MCPB CLI itself with npm ci, so it needs Node 18+ and npm.
 */
final class McpbBundle {

    private static final long BUILD_TIMEOUT_SECONDS = 600;
    private static McpbBundle built;

    final Path bundle;
    final Path unpacked;
    final JsonNode manifest;
    final JsonNode serverJson;
    final String validateOutput;

    private McpbBundle(Path target) throws IOException {
        bundle = target.resolve("hook0-mcp.mcpb");
        unpacked = unzip(bundle, target.resolve("mcpb/installed"));
        manifest = Results.JSON.readTree(unpacked.resolve("manifest.json").toFile());
        serverJson = Results.JSON.readTree(target.resolve("server.json").toFile());
        validateOutput = Files.readString(target.resolve("mcpb/validate.log"), StandardCharsets.UTF_8);
    }

    /**
     * The bundle {@code mvn verify} built before the integration tests (pre-integration-test), or, when it is
     * missing or older than the jar (a test run from an IDE, {@code -Dhook0mcp.mcpb.skip=true}), built now.
     */
    static synchronized McpbBundle build() throws IOException, InterruptedException {
        if (built == null) {
            Path script = Path.of(System.getProperty("hook0mcp.mcpb.script", "../packaging/mcpb/build.sh"));
            Path target = ServerJar.jar().toAbsolutePath().getParent();
            if (!builtFor(target)) {
                runBuild(script, target.resolve("mcpb-build.log"));
            }
            built = new McpbBundle(target);
        }
        return built;
    }

    private static boolean builtFor(Path target) throws IOException {
        Path bundle = target.resolve("hook0-mcp.mcpb");
        Path jar = ServerJar.jar();
        return Files.isRegularFile(bundle) && Files.isRegularFile(target.resolve("server.json"))
                && Files.isRegularFile(target.resolve("mcpb/validate.log"))
                && Files.getLastModifiedTime(bundle).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runBuild(Path script, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("the bundle build script is missing: " + script.toAbsolutePath());
        }
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        if (!p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in " + BUILD_TIMEOUT_SECONDS
                    + " s (npm registry unreachable?); see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(script + " exited with " + p.exitValue()
                    + " (it needs Node 18+ and npm to install the MCPB CLI):\n" + Files.readString(log));
        }
    }

    /** A .mcpb is a zip; entries that would land outside {@code into} are refused, as a client should. */
    private static Path unzip(Path zip, Path into) throws IOException {
        if (Files.exists(into)) {
            try (var paths = Files.walk(into)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path root = Files.createDirectories(into).toRealPath();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IllegalStateException("bundle entry outside the bundle: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out);
                }
            }
        }
        return root;
    }
}
