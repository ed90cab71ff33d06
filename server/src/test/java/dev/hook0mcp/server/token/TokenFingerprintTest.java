package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The audit log's token fingerprint is exactly what {@code printf %s "$TOKEN" | sha256sum | cut -c1-16} prints. */
class TokenFingerprintTest {

    @Test
    void auditFingerprintIsTheFirst16HexDigitsOfTheSha256OfTheToken() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2)
        assertEquals("ba7816bf8f01cfea", TokenFingerprint.audit("abc"));
        assertEquals("ba7816bf8f01cfea", TokenFingerprint.audit(" abc\n"), "blanks around a token are not part of it");
        assertEquals(16, TokenFingerprint.audit("En0KEwoEdG9rZW4YAyIJCgcIChIDGIAIEiQIABIg").length());
    }
}
