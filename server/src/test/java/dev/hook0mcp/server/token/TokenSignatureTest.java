package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biscuit.format.schema.Schema;
import com.google.protobuf.UnknownFieldSet;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signature checks against the instance public key. biscuit-java's signature layer does not read the Datalog,
 * so even the tokens it cannot parse (Datalog 3.3 arrays) are verified.
 */
class TokenSignatureTest {

    private static final String OTHER_KEY = new KeyPair().public_key().toHex().toLowerCase(Locale.ROOT);

    static List<String> tokenNames() {
        return Fixtures.tokenNames();
    }

    @ParameterizedTest
    @MethodSource("tokenNames")
    void everyFixtureIsVerifiedWithTheInstanceKey(String name) {
        SignatureCheck check = TokenSignature.verify(Fixtures.token(name), Fixtures.publicKey());
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertTrue(check.isVerified());
    }

    @ParameterizedTest
    @MethodSource("tokenNames")
    void everyFixtureIsInvalidWithAnotherKey(String name) {
        SignatureCheck check = TokenSignature.verify(Fixtures.token(name), OTHER_KEY);
        assertEquals(SignatureStatus.INVALID, check.status(), check.detail());
        assertFalse(check.detail().contains(Fixtures.token(name)));
    }

    @Test
    void libraryCannotParseTheArrayTokensYetTheirSignaturesAreChecked() throws Exception {
        for (String name : List.of("readonly", "read_ingest", "app_readonly")) {
            assertFalse(TokenReader.libraryCanParse(Fixtures.token(name)), name);
            assertEquals(SignatureStatus.VERIFIED,
                    TokenSignature.verify(Fixtures.token(name), Fixtures.publicKey()).status(), name);
        }
    }

    @Test
    void alteredBlockIsInvalid() throws Exception {
        // Widen the read-only allow-list's first symbol: the block no longer matches its signature.
        String altered = Minting.rewriteBlock(Fixtures.token("readonly"), 1,
                block -> block.setSymbols(2, "organization:lisT"));
        assertEquals(SignatureStatus.INVALID, TokenSignature.verify(altered, Fixtures.publicKey()).status());
    }

    @Test
    void aRememberedAnswerIsTheSameAnswerAndNeverLetsAnotherTokenOrKeyThrough() throws Exception {
        String token = Fixtures.token("readonly");
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(token, Fixtures.publicKey()).status());
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(token, Fixtures.publicKey()).status());
        String altered = Minting.rewriteBlock(token, 1, block -> block.setSymbols(2, "organization:lisT"));
        assertEquals(SignatureStatus.INVALID, TokenSignature.verify(altered, Fixtures.publicKey()).status());
        assertEquals(SignatureStatus.INVALID, TokenSignature.verify(token, OTHER_KEY).status());
    }

    @Test
    void removedAttenuationBlockIsInvalid() throws Exception {
        String stripped = Minting.rewriteEnvelope(Fixtures.token("app"), Schema.Biscuit.Builder::clearBlocks);
        assertEquals(SignatureStatus.INVALID, TokenSignature.verify(stripped, Fixtures.publicKey()).status());
    }

    @Test
    void tokenMintedWithBiscuitJava() throws Exception {
        KeyPair key = new KeyPair();
        String token = Minting.b64(Minting.attenuate(Minting.root(key), "check if time($t), $t < 2030-01-01T00:00:00Z"));
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(token, key.public_key().toHex()).status());
        assertEquals(SignatureStatus.INVALID, TokenSignature.verify(token, OTHER_KEY).status());
    }

    @Test
    void keyMayCarryTheEd25519PrefixAndAnyCase() {
        String key = "ed25519/" + Fixtures.publicKey().toUpperCase(Locale.ROOT);
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(Fixtures.token("root"), key).status());
    }

    @Test
    void bearerPrefixIsTolerated() {
        assertEquals(SignatureStatus.VERIFIED,
                TokenSignature.verify(" Bearer " + Fixtures.token("app") + "\n", Fixtures.publicKey()).status());
    }

    @Test
    void unusableKeyLeavesTheTokenUnchecked() {
        for (String key : new String[] {null, "", "abc", Fixtures.publicKey() + "00", "zz" + Fixtures.publicKey().substring(2)}) {
            SignatureCheck check = TokenSignature.verify(Fixtures.token("root"), key);
            assertEquals(SignatureStatus.UNCHECKED, check.status(), String.valueOf(key));
        }
    }

    @Test
    void unreadableTokenIsUncheckedWithTheReason() {
        SignatureCheck check = TokenSignature.verify("not a token!", Fixtures.publicKey());
        assertEquals(SignatureStatus.UNCHECKED, check.status());
        assertEquals("the token is not readable: not a Biscuit token (base64 decoding failed)", check.detail());
    }

    /** A Biscuit 3.3 block signature (SignedBlock.version = 1) signs a different payload than biscuit-java knows. */
    @Test
    void newerBlockSignatureFormatIsUnchecked() throws Exception {
        String token = Minting.rewriteEnvelope(Fixtures.token("app"), biscuit -> biscuit.setBlocks(0,
                biscuit.getBlocks(0).toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(5, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build()));
        assertEquals(SignatureStatus.UNCHECKED, TokenSignature.verify(token, Fixtures.publicKey()).status());
    }

    @Test
    void explicitBlockSignatureVersionZeroIsStillChecked() throws Exception {
        String token = Minting.rewriteEnvelope(Fixtures.token("app"), biscuit -> biscuit.setBlocks(0,
                biscuit.getBlocks(0).toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(5, UnknownFieldSet.Field.newBuilder().addVarint(0).build()).build()).build()));
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(token, Fixtures.publicKey()).status());
    }

    @Test
    void sameBytesInStandardBase64AreVerified() {
        byte[] bytes = Base64.getUrlDecoder().decode(Fixtures.token("app_readonly"));
        String standard = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        assertEquals(SignatureStatus.VERIFIED, TokenSignature.verify(standard, Fixtures.publicKey()).status());
    }
}
