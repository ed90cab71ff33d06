package dev.hook0mcp.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * What Hook0 answered the probes of a token, remembered for a short time so the next start (clients restart
 * servers often) can list its tools at once while the probes run again in the background. Hook0 stays the
 * authority for every call; this only decides what is listed first.
 *
 * <p>One file per entry, named by the SHA-256 of (SHA-256 of the token, the API URL, the actions probed): it
 * holds Hook0's answers (signature check, probe verdicts and their evidence, notes), never the token. Directory
 * 0700, files 0600 (created so, then moved in place). A file that cannot be read, is older than the TTL or from
 * another format is ignored.
 */
public final class ProbeCache {

    private static final int FORMAT = 1;
    private static final FileAttribute<?> FILE_0600 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> DIR_0700 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** Hook0's answers for one token, as {@link AccessReport#decide} takes them. */
    public record Answers(SignatureCheck signature, Map<String, ProbeOutcome> verdicts, List<String> notes) {}

    private final Path dir;
    private final Duration ttl;
    private final Clock clock;

    private ProbeCache(Path dir, Duration ttl, Clock clock) {
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @param ttl how long an answer is used; zero or negative turns the cache off */
    public static ProbeCache in(Path dir, Duration ttl) {
        return new ProbeCache(dir, ttl, Clock.systemUTC());
    }

    public static ProbeCache off() {
        return new ProbeCache(null, Duration.ZERO, Clock.systemUTC());
    }

    public boolean enabled() {
        return dir != null && ttl.compareTo(Duration.ZERO) > 0;
    }

    /** The file of this entry (for tests and logs; its name reveals nothing of the token). */
    public Path file(String token, String apiUrl, Set<String> actions) {
        return dir.resolve(key(token, apiUrl, actions) + ".json");
    }

    public Optional<Answers> load(String token, String apiUrl, Set<String> actions) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(token, apiUrl, actions);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            long age = clock.millis() - root.path("written_at_ms").asLong(Long.MAX_VALUE);
            if (root.path("format").asInt() != FORMAT || age < 0 || age > ttl.toMillis()) {
                return Optional.empty();
            }
            return Optional.of(answers(root));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProbeCache.class).debug("ignoring the unreadable probe cache file {}: {}",
                    file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    public void store(String token, String apiUrl, Set<String> actions, Answers answers) {
        if (!enabled()) {
            return;
        }
        Path file = file(token, apiUrl, actions);
        try {
            createPrivateDirectory();
            ObjectNode root = Json.object().put("format", FORMAT).put("written_at_ms", clock.millis());
            root.putObject("signature").put("status", answers.signature().status().name())
                    .put("detail", answers.signature().detail());
            ObjectNode verdicts = root.putObject("verdicts");
            answers.verdicts().forEach((action, outcome) -> verdicts.putObject(action)
                    .put("verdict", outcome.verdict().name()).put("evidence", outcome.evidence()));
            answers.notes().forEach(root.putArray("notes")::add);
            Path temp = createPrivateFile();
            try {
                Files.writeString(temp, root.toString(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            pruneExpired();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProbeCache.class).debug("could not write the probe cache in {}: {}", dir,
                    e.toString());
        }
    }

    /** Entries past the TTL are of no use to anyone: remove them (by file time, without reading them). */
    private void pruneExpired() throws IOException {
        long oldest = clock.millis() - ttl.toMillis();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".json") && Files.getLastModifiedTime(f).toMillis() < oldest) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static Answers answers(JsonNode root) {
        SignatureCheck signature = new SignatureCheck(
                SignatureStatus.valueOf(root.path("signature").path("status").asText()),
                root.path("signature").path("detail").asText());
        Map<String, ProbeOutcome> verdicts = new LinkedHashMap<>();
        root.path("verdicts").fields().forEachRemaining(e -> verdicts.put(e.getKey(), new ProbeOutcome(
                Verdict.valueOf(e.getValue().path("verdict").asText()), e.getValue().path("evidence").asText())));
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText()));
        return new Answers(signature, verdicts, notes);
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, DIR_0700);
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException raced) {
            // another server made it meanwhile
        }
    }

    private Path createPrivateFile() throws IOException {
        try {
            return Files.createTempFile(dir, ".entry-", ".tmp", FILE_0600);
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".entry-", ".tmp");
        }
    }

    private static String key(String token, String apiUrl, Set<String> actions) {
        String material = sha256(token.strip()) + "\n" + apiUrl + "\n" + String.join(",", new TreeSet<>(actions));
        return sha256(material);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
