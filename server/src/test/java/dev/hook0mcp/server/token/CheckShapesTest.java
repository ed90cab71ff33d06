package dev.hook0mcp.server.token;

import static dev.hook0mcp.server.token.Minting.APPLICATION;
import static dev.hook0mcp.server.token.Minting.OTHER_APPLICATION;
import static dev.hook0mcp.server.token.Minting.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biscuit.format.schema.Schema;
import com.google.protobuf.UnknownFieldSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.token.Biscuit;
import org.junit.jupiter.api.Test;

/** Which check shapes the reader recognises, how it combines them, and what it refuses to guess. */
class CheckShapesTest {

    private final KeyPair key = new KeyPair();

    private TokenFacts readWithBlock(String... statements) throws Exception {
        return TokenReader.read(Minting.b64(Minting.attenuate(Minting.root(key), statements)));
    }

    @Test
    void lessOrEqualExpiresOneSecondAfterTheDate() throws Exception {
        TokenFacts facts = readWithBlock("check if time($t), $t <= 2030-01-01T00:00:00Z");
        assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:01Z")), facts.expiresAt());
        assertFalse(facts.isExpired(Instant.parse("2030-01-01T00:00:00.999Z")));
        assertTrue(facts.isExpired(Instant.parse("2030-01-01T00:00:01Z")));
    }

    @Test
    void comparisonsWrittenTheOtherWayRound() throws Exception {
        TokenFacts facts = readWithBlock(
                "check if time($t), 2030-01-01T00:00:00Z > $t",
                "check if application_id($a), " + hex(APPLICATION) + " == $a",
                "check if action($a), \"event:list\" == $a");
        assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), facts.expiresAt());
        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
        assertEquals(Optional.of(Set.of("event:list")), facts.actionAllowList());
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void earliestExpiryWins() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key), "check if time($t), $t < 2040-01-01T00:00:00Z");
        token = Minting.attenuate(token, "check if time($t), $t < 2035-01-01T00:00:00Z");
        token = Minting.attenuate(token, "check if time($t), $t < 2045-01-01T00:00:00Z");
        assertEquals(Optional.of(Instant.parse("2035-01-01T00:00:00Z")),
                TokenReader.read(Minting.b64(token)).expiresAt());
    }

    @Test
    void allowListsIntersectAcrossChecks() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key),
                "check if action($a), [\"event:list\", \"event:get\", \"event:ingest\"].contains($a)");
        token = Minting.attenuate(token, "check if action($a), [\"event:get\", \"event:ingest\", \"event:replay\"].contains($a)");
        assertEquals(Optional.of(Set.of("event:get", "event:ingest")),
                TokenReader.read(Minting.b64(token)).actionAllowList());
    }

    @Test
    void actionAlternativesJoinedByOrAreOneAllowList() throws Exception {
        TokenFacts facts = readWithBlock("check if action(\"event:list\") or action(\"event:get\")");
        assertEquals(Optional.of(Set.of("event:list", "event:get")), facts.actionAllowList());
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void twoDifferentApplicationsLeaveNoSingleRestriction() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key), "check if application_id(" + hex(APPLICATION) + ")");
        token = Minting.attenuate(token, "check if application_id(" + hex(OTHER_APPLICATION) + ")");
        TokenFacts facts = TokenReader.read(Minting.b64(token));
        assertEquals(List.of(APPLICATION, OTHER_APPLICATION), facts.applicationIds());
        assertEquals(Optional.empty(), facts.applicationRestriction());
    }

    @Test
    void sameApplicationTwiceIsOneRestriction() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key), "check if application_id(" + hex(APPLICATION) + ")");
        token = Minting.attenuate(token, "check if application_id($a), $a == " + hex(APPLICATION));
        assertEquals(Optional.of(APPLICATION), TokenReader.read(Minting.b64(token)).applicationRestriction());
    }

    @Test
    void customChecksAreCountedNotGuessed() throws Exception {
        TokenFacts facts = readWithBlock(
                "check if resource(\"x\")",
                "check if time($t), application_id($a), $t < 2030-01-01T00:00:00Z, $a == " + hex(APPLICATION),
                "check all action($a), [\"event:list\"].contains($a)",
                "check if application_id(\"" + APPLICATION + "\")");
        assertEquals(4, facts.unrecognizedStatements());
        assertTrue(facts.hasUnrecognizedStatements());
        assertEquals(List.of(), facts.applicationIds());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(Optional.empty(), facts.actionAllowList());
    }

    @Test
    void factsAndRulesInAttenuationBlocksAreCounted() throws Exception {
        TokenFacts facts = readWithBlock(
                "application_id(" + hex(APPLICATION) + ")",
                "allowed($a) <- action($a)",
                "check if application_id(" + hex(APPLICATION) + ")");
        assertEquals(2, facts.unrecognizedStatements());
        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
    }

    /** biscuit-auth 6 (Hook0's engine) writes {@code ==} as HeterogeneousEqual, a kind biscuit-java cannot name. */
    @Test
    void heterogeneousEqualityFromDatalog33IsRead() throws Exception {
        String token = Minting.b64(Minting.attenuate(Minting.root(key),
                "check if application_id($a), $a == " + hex(APPLICATION),
                "check if action($a), $a == \"event:list\""));
        String rewritten = Minting.rewriteBlock(token, 1, block -> {
            for (int i = 0; i < block.getChecksV2Count(); i++) {
                Schema.RuleV2.Builder query = block.getChecksV2Builder(i).getQueriesBuilder(0);
                Schema.ExpressionV2.Builder expression = query.getExpressionsBuilder(0);
                expression.setOps(2, Schema.Op.newBuilder()
                        .setBinary(Schema.OpBinary.newBuilder().setUnknownFields(varint(1, 21)).buildPartial())
                        .buildPartial());
            }
            return block;
        });

        TokenFacts facts = TokenReader.read(rewritten);

        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
        assertEquals(Optional.of(Set.of("event:list")), facts.actionAllowList());
        assertEquals(0, facts.unrecognizedStatements());
        assertFalse(TokenReader.libraryCanParse(rewritten));
    }

    /** {@code reject if action($a), {..}.contains($a)} forbids those actions: it must not read as an allow-list. */
    @Test
    void rejectIfIsNotAnAllowList() throws Exception {
        String token = Minting.b64(Minting.attenuate(Minting.root(key),
                "check if action($a), [\"event:ingest\"].contains($a)"));
        String rewritten = Minting.rewriteBlock(token, 1, block -> {
            block.setChecksV2(0, block.getChecksV2(0).toBuilder().clearKind().setUnknownFields(varint(2, 2)));
            return block;
        });

        TokenFacts facts = TokenReader.read(rewritten);

        assertEquals(Optional.empty(), facts.actionAllowList());
        assertEquals(1, facts.unrecognizedStatements());
    }

    private static UnknownFieldSet varint(int field, long value) {
        return UnknownFieldSet.newBuilder()
                .addField(field, UnknownFieldSet.Field.newBuilder().addVarint(value).build())
                .build();
    }
}
