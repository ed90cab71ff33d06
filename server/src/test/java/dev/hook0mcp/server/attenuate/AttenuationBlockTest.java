package dev.hook0mcp.server.attenuate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.config.ConfigException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Datalog {@code attenuate} writes, and how its options read. */
class AttenuationBlockTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00.250Z");
    private static final UUID APP = UUID.fromString("0195a3c1-7f00-7000-8000-00000000b001");

    @Test
    void writesTheFormsBothEnginesEvaluateAlike() {
        AttenuationBlock block = new AttenuationBlock(APP, Instant.parse("2027-01-01T00:00:00.900Z"),
                Set.of("event:list", "event:ingest"));
        assertEquals(List.of(
                "check if application_id($a), $a == hex:0195a3c17f007000800000000000b001",
                "check if time($t), $t < 2027-01-01T00:00:00Z",
                "check if action($a), [\"event:ingest\", \"event:list\"].contains($a)"), block.datalogChecks());
    }

    @Test
    void expiresTakesDurationsAndDateTimes() {
        assertEquals(Instant.parse("2026-12-31T12:00:01Z"), ExpiryText.parse("30d", NOW));
        assertEquals(Instant.parse("2026-12-02T00:00:01Z"), ExpiryText.parse("12h", NOW));
        assertEquals(Instant.parse("2026-12-01T12:01:02Z"), ExpiryText.parse("61s", NOW), "rounded up, never shorter");
        assertThrows(ConfigException.class, () -> ExpiryText.parse("59s", NOW), "expires before it is of use");
        assertThrows(ConfigException.class, () -> ExpiryText.parse("0s", NOW));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), ExpiryText.parse("2027-01-01T00:00:00Z", NOW));
        assertEquals(Instant.parse("2026-12-31T22:00:00Z"), ExpiryText.parse("2027-01-01T00:00:00+02:00", NOW));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), ExpiryText.parse("2027-01-01", NOW));
        assertThrows(ConfigException.class, () -> ExpiryText.parse("2020-01-01T00:00:00Z", NOW));
        assertThrows(ConfigException.class, () -> ExpiryText.parse("soon", NOW));
        assertThrows(ConfigException.class, () -> ExpiryText.parse("99999d", NOW));
    }

    @Test
    void readOnlyAndAllowCombine() {
        AttenuateOptions options = AttenuateOptions.parse(List.of("--read-only", "--allow", "event:ingest",
                "--api-url", "http://127.0.0.1:1", "--expires=1h"), NOW);
        assertEquals(16, options.block().actions().orElseThrow().size());
        assertTrue(options.block().actions().orElseThrow().contains("event:ingest"));
        assertEquals(List.of("--api-url", "http://127.0.0.1:1"), options.serverArgs());
        assertEquals(Instant.parse("2026-12-01T13:00:01Z"), options.block().expiresAt());
    }

    @Test
    void unknownActionIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AttenuateOptions.parse(List.of("--allow", "service_token:create"), NOW));
        assertTrue(e.getMessage().contains("'service_token:create' is not a Hook0 action"), e.getMessage());
    }
}
