package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.mcp.HandshakeAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandshakeCacheTest {

    private static final String TOKEN = "EoUCCpoBCgR0eXBlCg5zZXJ2aWNlX2FjY2Vzcw-the-token";
    private static final String API = "https://hook0.example";
    private static final HandshakeAnswers ANSWERS = new HandshakeAnswers(
            Map.of("2025-06-18", "{\"protocolVersion\":\"2025-06-18\",\"instructions\":\"a\\nb\"}"),
            "{\"tools\":[{\"name\":\"t\"}]}");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path dir;

    private HandshakeCache cache(String build, Instant now) {
        return new HandshakeCache(dir.resolve("hook0-mcp"), Duration.ofMinutes(10), build,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void whatIsStoredIsLoadedBackForTheSameTokenApiAndBuild() {
        cache("b1", NOW).store(TOKEN, API, ANSWERS, Optional.empty());
        assertEquals(Optional.of(ANSWERS), cache("b1", NOW).load(TOKEN, API));
        assertEquals(Optional.empty(), cache("b1", NOW).load(TOKEN + "x", API));
        assertEquals(Optional.empty(), cache("b1", NOW).load(TOKEN, API + "/other"));
        assertEquals(Optional.empty(), cache("b2", NOW).load(TOKEN, API), "another build answers anew");
    }

    @Test
    void anEntryIsNotUsedPastItsTimeNorPastTheTokensExpiry() throws Exception {
        cache("b", NOW).store(TOKEN, API, ANSWERS, Optional.of(NOW.plusSeconds(60)));
        assertTrue(cache("b", NOW.plusSeconds(59)).load(TOKEN, API).isPresent());
        assertFalse(cache("b", NOW.plusSeconds(61)).load(TOKEN, API).isPresent(), "the token has expired");

        cache("b", NOW).store(TOKEN, API, ANSWERS, Optional.empty());
        assertTrue(cache("b", NOW.plusSeconds(599)).load(TOKEN, API).isPresent());
        assertFalse(cache("b", NOW.plusSeconds(601)).load(TOKEN, API).isPresent(), "older than the TTL");
        assertFalse(cache("b", NOW.minusSeconds(1)).load(TOKEN, API).isPresent(), "written in the future: a clock moved");
    }

    @Test
    void theFileIsPrivateAndHoldsNoToken() throws Exception {
        cache("b", Instant.now()).store(TOKEN, API, ANSWERS, Optional.empty());
        Path file = cache("b", Instant.now()).file(TOKEN, API);
        assertFalse(Files.readString(file).contains(TOKEN.substring(0, 20)));
        assertFalse(file.getFileName().toString().contains(TOKEN.substring(0, 20)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aDamagedOrForgottenEntryIsNotUsed() throws Exception {
        HandshakeCache cache = cache("b", Instant.now());
        cache.store(TOKEN, API, ANSWERS, Optional.empty());
        Path file = cache.file(TOKEN, API);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("tools/list")));
        assertEquals(Optional.empty(), cache.load(TOKEN, API), "no tools/list line");
        Files.writeString(file, text.replace("valid_until_ms ", "valid_until_ms x"));
        assertEquals(Optional.empty(), cache.load(TOKEN, API));
        Files.writeString(file, text);
        assertTrue(cache.load(TOKEN, API).isPresent());
        cache.forget(TOKEN, API);
        assertFalse(Files.exists(file));
        assertEquals(Optional.empty(), HandshakeCache.off().load(TOKEN, API));
    }
}
