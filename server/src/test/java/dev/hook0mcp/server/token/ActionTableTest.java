package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.Hook0Action;
import dev.hook0mcp.catalog.Hook0Actions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The project's one table of Hook0 actions ({@code hook0-actions.json}) checked against tokens that Hook0's own
 * Biscuit engine minted and evaluated: the actions, their scopes and the read-only claim are Hook0's.
 */
class ActionTableTest {

    private static final Hook0Actions TABLE = Hook0Actions.standard();

    private static Set<String> names(java.util.function.Predicate<Hook0Action> which) {
        return TABLE.all().stream().filter(which).map(Hook0Action::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void theTableHoldsExactlyTheActionsHook0GrantsARootToken() {
        assertEquals(Fixtures.allowed("root"), names(a -> true));
    }

    @Test
    void applicationScopedActionsAreExactlyThoseAOneApplicationTokenKeeps() {
        assertEquals(Fixtures.allowed("app"), names(Hook0Action::isApplicationScoped));
    }

    @Test
    void theReadOnlyClaimIsTheDocumentedOneAndGrantsTheReads() {
        assertEquals(Fixtures.allowed("readonly"), new LinkedHashSet<>(TABLE.readOnlyClaim()));
        String block = Fixtures.blocks("readonly").get(1);
        assertTrue(block.contains(TABLE.readOnlyClaimDatalog()),
                "the claim as Hook0's engine printed it:\n" + block + "\nthe table's:\n" + TABLE.readOnlyClaimDatalog());
    }

    @Test
    void everyActionIsProbedOrInferredFromOneThatIs() {
        for (Hook0Action action : TABLE.all()) {
            if (action.inferredFrom() != null) {
                assertTrue(TABLE.get(action.inferredFrom()).probeTemplate().isPresent(), action.name());
                assertTrue(action.whyNoProbe() != null && !action.whyNoProbe().isBlank(), action.name());
            } else {
                assertTrue(action.probeTemplate().isPresent(), action.name() + " has no probe");
            }
        }
    }

    @Test
    void readProbesAreGetsAndWriteProbesAreNot() {
        for (Hook0Action action : TABLE.all()) {
            action.probeTemplate().ifPresent(p -> assertEquals(action.read(), p.method().equals("GET"),
                    action.name() + ": " + p.method()));
        }
    }
}
