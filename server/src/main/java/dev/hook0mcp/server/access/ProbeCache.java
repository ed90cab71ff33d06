package dev.hook0mcp.server.access;

import static dev.hook0mcp.server.access.PrivateCacheDirectory.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
            ObjectNode root = Json.object().put("format", FORMAT).put("written_at_ms", clock.millis());
            root.putObject("signature").put("status", answers.signature().status().name())
                    .put("detail", answers.signature().detail());
            ObjectNode verdicts = root.putObject("verdicts");
            answers.verdicts().forEach((action, outcome) -> verdicts.putObject(action)
                    .put("verdict", outcome.verdict().name()).put("evidence", outcome.evidence()));
            answers.notes().forEach(root.putArray("notes")::add);
            PrivateCacheDirectory entries = new PrivateCacheDirectory(dir);
            entries.write(file, root.toString());
            entries.removeOlderThan(".json", clock.millis() - ttl.toMillis());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProbeCache.class).debug("could not write the probe cache in {}: {}", dir,
                    e.toString());
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

    private static String key(String token, String apiUrl, Set<String> actions) {
        String material = sha256(token.strip()) + "\n" + apiUrl + "\n" + String.join(",", new TreeSet<>(actions));
        return sha256(material);
    }
}
