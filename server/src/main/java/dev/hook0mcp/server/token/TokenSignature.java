package dev.hook0mcp.server.token;

import biscuit.format.schema.Schema;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.biscuitsec.biscuit.crypto.PublicKey;
import org.biscuitsec.biscuit.error.Error;
import org.biscuitsec.biscuit.token.format.SerializedBiscuit;

/**
 * Checks a token's signatures against a Hook0 instance's root public key ({@code GET /api/v1/instance} →
 * {@code biscuit_public_key}) with biscuit-java.
 *
 * <p>It calls biscuit-java's signature layer, {@link SerializedBiscuit#from_bytes(byte[], PublicKey)}, which
 * checks the block signature chain and the proof without interpreting the blocks' Datalog. So tokens whose
 * Datalog the library cannot parse (3.3 arrays) are still verified. {@code Biscuit.from_b64url(token, key)} would
 * run the same check and then fail on the Datalog.
 *
 * <p>{@link SignatureStatus#UNCHECKED} is left for what biscuit-java 4.0.1 cannot check faithfully: an unreadable
 * envelope, a non-Ed25519 key, or a signed block carrying fields its schema does not know (e.g. a Biscuit 3.3
 * {@code SignedBlock.version = 5} other than 0, whose signed payload differs), and for an unusable public key.
 */
public final class TokenSignature {

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int SIGNED_BLOCK_VERSION = 5;

    private TokenSignature() {
    }

    /**
     * @param token        the token as given (same tolerance as {@link TokenReader#read(String)})
     * @param publicKeyHex the instance's Ed25519 public key: 64 hex characters, optionally prefixed {@code ed25519/}
     */
    public static SignatureCheck verify(String token, String publicKeyHex) {
        // A token's signatures never change: the answer for this token and key is remembered (by the token's
        // SHA-256, never the token), so a token inspected again (HTTP's gate then its probe, a background
        // re-probe, an expiry watch) costs no second round of pure-Java Ed25519.
        String key = TokenFingerprint.full(token) + "/" + publicKeyHex;
        synchronized (CHECKED) {
            SignatureCheck known = CHECKED.get(key);
            if (known != null) {
                return known;
            }
        }
        SignatureCheck check = check(token, publicKeyHex);
        synchronized (CHECKED) {
            CHECKED.put(key, check);
        }
        return check;
    }

    /** Answers remembered, least recently used forgotten first. */
    private static final int REMEMBERED = 1_000;
    private static final Map<String, SignatureCheck> CHECKED =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SignatureCheck> eldest) {
                    return size() > REMEMBERED;
                }
            };

    private static SignatureCheck check(String token, String publicKeyHex) {
        PublicKey key;
        try {
            key = publicKey(publicKeyHex);
        } catch (IllegalArgumentException e) {
            return unchecked("the public key is not an Ed25519 key as 64 hex characters");
        }
        byte[] bytes;
        try {
            bytes = TokenBytes.decode(token);
        } catch (TokenFormatException e) {
            return unchecked("the token is not readable: " + e.getMessage());
        }
        String unsupported = unsupportedEnvelope(bytes);
        if (unsupported != null) {
            return unchecked(unsupported);
        }
        try {
            SerializedBiscuit.from_bytes(bytes, key);
            return new SignatureCheck(SignatureStatus.VERIFIED, "the token is signed by the given public key");
        } catch (Error.FormatError.Signature | Error.FormatError.SealedSignature
                 | Error.FormatError.InvalidSignatureSize e) {
            return new SignatureCheck(SignatureStatus.INVALID,
                    "the token's signatures do not match the given public key: it was issued by another "
                            + "Hook0 instance, or altered");
        } catch (Error | GeneralSecurityException | RuntimeException e) {
            return unchecked("biscuit-java could not check the signature (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PublicKey publicKey(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("no key");
        }
        String text = hex.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith("ed25519/")) {
            text = text.substring("ed25519/".length());
        }
        if (!HEX_KEY.matcher(text).matches()) {
            throw new IllegalArgumentException("not 64 hex characters");
        }
        try {
            return new PublicKey(Schema.PublicKey.Algorithm.Ed25519, text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 point");
        }
    }

    /** Why biscuit-java 4.0.1 cannot check this envelope faithfully, or null when it can. */
    private static String unsupportedEnvelope(byte[] bytes) {
        Schema.Biscuit biscuit;
        try {
            biscuit = Schema.Biscuit.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return "the token is not a Biscuit protobuf message";
        }
        List<Schema.SignedBlock> blocks = new ArrayList<>();
        blocks.add(biscuit.getAuthority());
        blocks.addAll(biscuit.getBlocksList());
        for (Schema.SignedBlock block : blocks) {
            if (!onlyDefaultVersion(block.getUnknownFields())) {
                return "the token uses a block signature format biscuit-java 4.0.1 does not know";
            }
            if (!block.getNextKey().hasAlgorithm()
                    || (block.hasExternalSignature() && !block.getExternalSignature().getPublicKey().hasAlgorithm())) {
                return "the token uses a key algorithm biscuit-java 4.0.1 does not know";
            }
        }
        return null;
    }

    private static boolean onlyDefaultVersion(UnknownFieldSet unknown) {
        for (var entry : unknown.asMap().entrySet()) {
            boolean versionZero = entry.getKey() == SIGNED_BLOCK_VERSION
                    && entry.getValue().getVarintList().stream().allMatch(v -> v == 0L)
                    && entry.getValue().getLengthDelimitedList().isEmpty()
                    && entry.getValue().getFixed32List().isEmpty()
                    && entry.getValue().getFixed64List().isEmpty()
                    && entry.getValue().getGroupList().isEmpty();
            if (!versionZero) {
                return false;
            }
        }
        return true;
    }

    private static SignatureCheck unchecked(String detail) {
        return new SignatureCheck(SignatureStatus.UNCHECKED, detail);
    }
}
