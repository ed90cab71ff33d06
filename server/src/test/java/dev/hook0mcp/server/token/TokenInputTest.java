package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.token.Biscuit;
import org.junit.jupiter.api.Test;

/** What the reader accepts as token text, and the messages it gives for everything else. */
class TokenInputTest {

    private static final String ROOT = Fixtures.token("root");

    private static String failure(String token) {
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> TokenReader.read(token));
        if (token != null && token.strip().length() >= 8) {
            assertFalse(e.getMessage().contains(token.strip()), "the message must not quote the token");
        }
        assertEquals(null, e.getCause(), "no cause that could carry the token");
        return e.getMessage();
    }

    @Test
    void bearerPrefixAndSurroundingWhitespaceAreTolerated() throws Exception {
        TokenFacts plain = TokenReader.read(ROOT);
        assertEquals(plain, TokenReader.read("  Bearer " + ROOT + " \n"));
        assertEquals(plain, TokenReader.read("bearer   " + ROOT));
        assertEquals(plain, TokenReader.read("\t" + ROOT + "\r\n"));
    }

    @Test
    void paddedUnpaddedAndStandardBase64AreAccepted() throws Exception {
        String app = Fixtures.token("app");
        assertTrue(app.endsWith("="), "the fixture is padded, as Hook0 writes it");
        byte[] bytes = Base64.getUrlDecoder().decode(app);
        TokenFacts expected = TokenReader.read(app);

        assertEquals(expected, TokenReader.read(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        assertEquals(expected, TokenReader.read(Base64.getEncoder().encodeToString(bytes)));
        assertEquals(expected, TokenReader.read(Base64.getEncoder().withoutPadding().encodeToString(bytes)));
    }

    @Test
    void emptyOrBlank() {
        assertEquals("no token given: the value is empty", failure(""));
        assertEquals("no token given: the value is empty", failure("   \n"));
        assertEquals("no token given: the value is empty", failure("Bearer "));
        assertEquals("no token given", failure(null));
    }

    @Test
    void garbageIsNotBase64() {
        assertEquals("not a Biscuit token (base64 decoding failed)", failure("this is not a token!"));
        assertEquals("not a Biscuit token (base64 decoding failed)", failure("abcde"));
    }

    @Test
    void base64ThatIsNotABiscuit() {
        String message = failure(Base64.getUrlEncoder().encodeToString("hello world, not a biscuit".getBytes()));
        assertEquals("not a Biscuit token (the decoded bytes are not a Biscuit protobuf message)", message);
    }

    @Test
    void jwtIsRecognisedAsSuch() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        String message = failure(jwt);
        assertTrue(message.startsWith("not a Biscuit token: it looks like a JWT"), message);
    }

    @Test
    void biscuitWithoutOrganizationIsNotAHook0ServiceToken() throws Exception {
        Biscuit token = Biscuit.builder(new KeyPair())
                .add_authority_fact("type(\"service_access\")")
                .add_authority_fact("version(1)")
                .build();
        assertEquals("not a Hook0 service token: no organization_id fact in the authority block",
                failure(token.serialize_b64url()));
    }

    @Test
    void organizationMustBeAUuidAsBytes() throws Exception {
        Biscuit token = Biscuit.builder(new KeyPair())
                .add_authority_fact("type(\"service_access\")")
                .add_authority_fact("version(1)")
                .add_authority_fact("organization_id(\"11111111-2222-3333-4444-555555555555\")")
                .build();
        assertEquals("not a Hook0 service token: organization_id in the authority block is not a 16-byte UUID",
                failure(token.serialize_b64url()));
    }

    @Test
    void truncatedTokenIsRejectedCleanly() {
        String message = failure(ROOT.substring(0, ROOT.length() / 2));
        assertTrue(message.startsWith("not a Biscuit token"), message);
    }

    @Test
    void unsupportedBlockVersion() throws Exception {
        String token = Minting.rewriteBlock(ROOT, 0, block -> block.setVersion(2));
        assertEquals("not a readable Biscuit token: block 0 has format version 2 (this reader knows versions 3 to 6)",
                failure(token));
    }
}
