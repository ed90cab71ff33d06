package dev.hook0mcp.server.transport.stdio;

import static dev.hook0mcp.server.access.PrivateCacheDirectory.sha256;

import dev.hook0mcp.server.access.PrivateCacheDirectory;
import dev.hook0mcp.server.config.Version;
import dev.hook0mcp.server.mcp.HandshakeAnswers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The results this server gave to {@code initialize} and {@code tools/list} for a token, so that the next start
 * with the same token, API URL and build can give them at once ({@link EarlyAnswers}), before the tool catalogue
 * is parsed and the SDK server is built. The probe cache ({@code ProbeCache}) decides what such a start lists; this
 * only saves building the same two answers again. The server, once built, compares what was sent with what it
 * would answer and tells the client {@code tools/list_changed} when they differ.
 *
 * <p>Read without Jackson's {@code ObjectMapper} (setting that up is what the early answers get ahead of): one
 * text file per entry in the probe cache's directory, named by the SHA-256 of (SHA-256 of the token, the API URL,
 * the build, the other settings), holding lines {@code written_at_ms N}, {@code valid_until_ms N}, {@code initialize VERSION RESULT} and
 * {@code tools/list RESULT}, each result one line of compact JSON. No token in it; file 0600, directory 0700. An
 * entry is used until the probe cache's TTL has passed since it was written, and never past the token's expiry.
 */
public final class HandshakeCache {

    static final String SUFFIX = ".handshake";
    private static final String HEADER = "hook0-mcp handshake 1";

    private final Path dir;
    private final Duration ttl;
    private final String build;
    private final Clock clock;

    HandshakeCache(Path dir, Duration ttl, String build, Clock clock) {
        this.dir = dir;
        this.ttl = ttl;
        this.build = build;
        this.clock = clock;
    }

    /**
     * @param ttl the probe cache's: zero or negative turns this off too
     * @param settings every setting but the token ({@code Config.settingsKey}): another configuration (read-only,
     *     a tool filter...) answers differently, so it has entries of its own
     */
    public static HandshakeCache in(Path dir, Duration ttl, String settings) {
        return new HandshakeCache(dir, ttl, thisBuild() + "\n" + settings, Clock.systemUTC());
    }

    public static HandshakeCache off() {
        return new HandshakeCache(null, Duration.ZERO, "", Clock.systemUTC());
    }

    public boolean enabled() {
        return dir != null && ttl.compareTo(Duration.ZERO) > 0;
    }

    Path file(String token, String apiUrl) {
        return dir.resolve(sha256(sha256(token.strip()) + "\n" + apiUrl + "\n" + build) + SUFFIX);
    }

    public Optional<HandshakeAnswers> load(String token, String apiUrl) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(token, apiUrl);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), clock.millis(), ttl.toMillis());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<HandshakeAnswers> parse(String text, long nowMs, long ttlMs) {
        String[] lines = text.split("\n");
        if (lines.length < 4 || !lines[0].equals(HEADER)) {
            return Optional.empty();
        }
        Map<String, String> initialize = new LinkedHashMap<>();
        String toolsList = null;
        long validUntil = -1;
        long writtenAt = Long.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("written_at_ms ")) {
                writtenAt = Long.parseLong(line.substring("written_at_ms ".length()));
            } else if (line.startsWith("valid_until_ms ")) {
                validUntil = Long.parseLong(line.substring("valid_until_ms ".length()));
            } else if (line.startsWith("initialize ")) {
                int space = line.indexOf(' ', "initialize ".length());
                initialize.put(line.substring("initialize ".length(), space), line.substring(space + 1));
            } else if (line.startsWith("tools/list ")) {
                toolsList = line.substring("tools/list ".length());
            } else {
                return Optional.empty();
            }
        }
        if (nowMs < writtenAt || nowMs - writtenAt > ttlMs || validUntil <= nowMs || initialize.isEmpty()
                || toolsList == null) {
            return Optional.empty();
        }
        return Optional.of(new HandshakeAnswers(initialize, toolsList));
    }

    /** @param expiresAt the token's expiry: the entry is not used past it */
    public void store(String token, String apiUrl, HandshakeAnswers answers, Optional<Instant> expiresAt) {
        if (!enabled()) {
            return;
        }
        long now = clock.millis();
        long validUntil = Math.min(now + ttl.toMillis(), expiresAt.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("written_at_ms ").append(now).append('\n');
        text.append("valid_until_ms ").append(validUntil).append('\n');
        answers.initialize().forEach((version, result) -> text.append("initialize ").append(oneLine(version))
                .append(' ').append(oneLine(result)).append('\n'));
        text.append("tools/list ").append(oneLine(answers.toolsList())).append('\n');
        Path file = file(token, apiUrl);
        try {
            PrivateCacheDirectory entries = new PrivateCacheDirectory(dir);
            entries.write(file, text);
            entries.removeOlderThan(SUFFIX, now - ttl.toMillis());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(HandshakeCache.class).debug("could not write the handshake cache in {}: {}", dir,
                    e.toString());
        }
    }

    /** Removes the entry of this token, if there is one. */
    public void forget(String token, String apiUrl) {
        if (!enabled()) {
            return;
        }
        try {
            Files.deleteIfExists(file(token, apiUrl));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(HandshakeCache.class).debug("could not remove a handshake cache entry: {}",
                    e.toString());
        }
    }

    /** A value with a line break or (for a version) a space cannot be read back as written: refuse to store it. */
    private static String oneLine(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not one line");
        }
        return value;
    }

    /**
     * This build: the version and the jar's size and time, so a rebuilt jar (another catalogue, other answers)
     * does not use an older build's entries. Run from a classes directory (tests), the directory stands for it.
     */
    private static String thisBuild() {
        try {
            Path code = Path.of(HandshakeCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String where = code.toString();
            if (Files.isRegularFile(code)) {
                where += " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            return Version.VERSION + " " + where;
        } catch (Exception e) {
            return Version.VERSION;
        }
    }
}
