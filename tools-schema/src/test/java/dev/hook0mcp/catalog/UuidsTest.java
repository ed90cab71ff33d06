package dev.hook0mcp.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void aV7CarriesVersionSevenTheRfcVariantAndTheMillisecondsItWasMadeAt() {
        Instant at = Instant.parse("2026-12-01T23:30:00.123Z");
        UUID id = Uuids.v7(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterV7IdsSortAfterEarlierOnes() {
        UUID earlier = Uuids.v7(Instant.parse("2026-12-01T00:00:00Z"));
        UUID later = Uuids.v7(Instant.parse("2026-12-01T00:00:00.001Z"));
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void onlyTheCanonicalTextFormIsAUuid() {
        assertTrue(Uuids.isUuid("0190d6f2-7c3e-7a4b-9f1e-2b3c4d5e6f70"));
        assertTrue(Uuids.isUuid("0190D6F2-7C3E-7A4B-9F1E-2B3C4D5E6F70"));
        assertFalse(Uuids.isUuid(null));
        assertFalse(Uuids.isUuid("0190d6f27c3e7a4b9f1e2b3c4d5e6f70"));
        assertFalse(Uuids.isUuid(" 0190d6f2-7c3e-7a4b-9f1e-2b3c4d5e6f70"));
        assertFalse(Uuids.isUuid("0190d6f2-7c3e-7a4b-9f1e-2b3c4d5e6f70\n"));
    }
}
