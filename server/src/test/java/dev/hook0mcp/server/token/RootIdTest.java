package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.token.Biscuit;
import org.biscuitsec.biscuit.token.UnverifiedBiscuit;
import org.junit.jupiter.api.Test;

/** A root token and every token attenuated from it share one family id: the authority block's revocation id. */
class RootIdTest {

    @Test
    void attenuationsKeepTheRootIdAndAnotherRootHasItsOwn() throws Exception {
        KeyPair key = new KeyPair();
        Biscuit root = Minting.root(key);
        Biscuit readOnly = Minting.attenuate(root, "check if action($a), [\"event:list\"].contains($a)");
        Biscuit narrower = Minting.attenuate(readOnly, "check if time($t), $t < 2099-01-01T00:00:00Z");

        String id = TokenReader.read(Minting.b64(root)).rootId();
        assertEquals(UnverifiedBiscuit.from_b64url(Minting.b64(root)).revocation_identifiers().get(0).toHex()
                .toLowerCase(Locale.ROOT), id, "Hook0's revocation id of block 0");
        assertEquals(id, TokenReader.read(Minting.b64(readOnly)).rootId());
        assertEquals(id, TokenReader.read(Minting.b64(narrower)).rootId());
        assertNotEquals(id, TokenReader.read(Minting.b64(Minting.root(key))).rootId(), "a second root, same key");
    }
}
