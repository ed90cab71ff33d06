package dev.hook0mcp.server.token;

import static dev.hook0mcp.server.token.Minting.APPLICATION;
import static dev.hook0mcp.server.token.Minting.ORGANIZATION;
import static dev.hook0mcp.server.token.Minting.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.token.Biscuit;
import org.junit.jupiter.api.Test;

/** Tokens minted in the test with biscuit-java, in the forms our sandbox writes, read back. */
class SandboxFormTokensTest {

    private final KeyPair key = new KeyPair();

    @Test
    void rootTokenMintedLikeHook0() throws Exception {
        String root = Minting.b64(Minting.root(key));
        TokenFacts facts = TokenReader.read(root);
        assertEquals(ORGANIZATION, facts.organizationId());
        assertEquals("service_access", facts.tokenType());
        assertEquals(1, facts.version());
        assertEquals(0, facts.attenuationBlocks());
        assertEquals(List.of(), facts.applicationIds());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(Optional.empty(), facts.actionAllowList());
        assertTrue(TokenReader.libraryCanParse(root));
    }

    /**
     * The sandbox's block. biscuit-java 4.0.1 speaks pre-3.3 Datalog, where {@code ["a", "b"]} is a <em>set</em>
     * (protobuf {@code TermV2.set}): the same term biscuit-auth 6 prints as {@code {"a", "b"}}. In biscuit-auth 6
     * the bracket form is an <em>array</em> ({@code TermV2.array}), as in the documented read-only claim.
     */
    @Test
    void sandboxAttenuationBlockReadsBack() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key),
                "check if application_id($a), $a == " + hex(APPLICATION),
                "check if time($t), $t < 2031-05-06T07:08:09Z",
                "check if action($a), [\"event:list\", \"event:get\"].contains($a)");

        TokenFacts facts = TokenReader.read(Minting.b64(token));

        assertEquals(ORGANIZATION, facts.organizationId());
        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
        assertEquals(Optional.of(Instant.parse("2031-05-06T07:08:09Z")), facts.expiresAt());
        assertEquals(Optional.of(Set.of("event:list", "event:get")), facts.actionAllowList());
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(0, facts.unrecognizedStatements());
        assertTrue(TokenReader.libraryCanParse(Minting.b64(token)));
    }

    @Test
    void oneCheckPerBlockAcrossThreeBlocks() throws Exception {
        Biscuit token = Minting.root(key);
        token = Minting.attenuate(token, "check if application_id($a), $a == " + hex(APPLICATION));
        token = Minting.attenuate(token, "check if time($t), $t < 2031-01-01T00:00:00Z");
        token = Minting.attenuate(token, "check if action($a), [\"event:list\"].contains($a)");

        TokenFacts facts = TokenReader.read(Minting.b64(token));

        assertEquals(3, facts.attenuationBlocks());
        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
        assertEquals(Optional.of(Instant.parse("2031-01-01T00:00:00Z")), facts.expiresAt());
        assertEquals(Optional.of(Set.of("event:list")), facts.actionAllowList());
    }

    @Test
    void dashboardFormMintedWithBiscuitJavaReadsTheSame() throws Exception {
        Biscuit token = Minting.attenuate(Minting.root(key),
                "check if application_id(" + hex(APPLICATION) + ")",
                "check if time($t), $t < 2099-01-01T00:00:00Z");

        TokenFacts facts = TokenReader.read(Minting.b64(token));

        assertEquals(Optional.of(APPLICATION), facts.applicationRestriction());
        assertEquals(Optional.of(Instant.parse("2099-01-01T00:00:00Z")), facts.expiresAt());
    }
}
