package dev.hook0mcp.server.engine.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayConfirmationsTest {

    private static final String APP = "0195a3c1-7f00-7000-8000-00000000b001";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final ReplayConfirmations confirmations = new ReplayConfirmations();

    @Test
    void aConfirmationIsGoodOnceForTheCallerWhoseDryRunItCameFrom() {
        String confirmation = confirmations.issue(APP, List.of("e2", "e1"), "caller-a", NOW);

        assertEquals("it was issued to another token's dry run: dry run again with this token",
                confirmations.redeem(confirmation, APP, "caller-b", NOW.plusSeconds(1)));
        ReplayConfirmations.Issued redeemed = assertInstanceOf(ReplayConfirmations.Issued.class,
                confirmations.redeem(confirmation, APP, "caller-a", NOW.plusSeconds(2)),
                "another caller's attempt did not use it up");
        assertEquals(List.of("e1", "e2"), redeemed.eventIds());
        assertEquals("it was already used", confirmations.redeem(confirmation, APP, "caller-a", NOW.plusSeconds(3)));
    }

    @Test
    void aConfirmationIsForItsApplicationAndItsTenMinutes() {
        String confirmation = confirmations.issue(APP, List.of("e1"), "caller-a", NOW);
        assertEquals("it was issued for application " + APP,
                confirmations.redeem(confirmation, "0195a3c1-7f00-7000-8000-00000000b002", "caller-a", NOW));
        Object late = confirmations.redeem(confirmation, APP, "caller-a", NOW.plus(ReplayConfirmations.VALIDITY));
        assertTrue(late instanceof String why && why.startsWith("it expired at "), String.valueOf(late));
    }
}
