package dev.hook0mcp.sandbox.auth;

import dev.hook0mcp.sandbox.store.Ids;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.crypto.PublicKey;
import org.biscuitsec.biscuit.error.Error;
import org.biscuitsec.biscuit.token.Biscuit;
import org.biscuitsec.biscuit.token.UnverifiedBiscuit;
import org.biscuitsec.biscuit.token.builder.Block;
import org.biscuitsec.biscuit.token.builder.Term;
import org.biscuitsec.biscuit.token.builder.Utils;

/**
 * Mints root service tokens exactly as Hook0 does ({@code iam.rs::create_service_access_token}) and
 * appends attenuation blocks. Owns the instance's Ed25519 root key.
 */
public final class TokenMinter {

    private final KeyPair rootKey;
    private final RootTokenRegistry registry;

    public TokenMinter(KeyPair rootKey, RootTokenRegistry registry) {
        this.rootKey = rootKey;
        this.registry = registry;
    }

    public PublicKey publicKey() {
        return rootKey.public_key();
    }

    /** The raw 32-byte public key as 64 lowercase hex digits, as {@code GET /api/v1/instance} shows it. */
    public String publicKeyHex() {
        return rootKey.public_key().toHex().toLowerCase(Locale.ROOT);
    }

    /**
     * Authority block: {@code type("service_access"); version(1); token_id(<bytes>); created_at(<date>);
     * organization_id(<bytes>);} and nothing else. The root is registered as live.
     */
    public String mintRoot(UUID organizationId, Instant createdAt) {
        try {
            Biscuit root = Biscuit.builder(rootKey)
                    .add_authority_fact(Utils.fact("type", List.of(Utils.string("service_access"))))
                    .add_authority_fact(Utils.fact("version", List.of(Utils.integer(1))))
                    .add_authority_fact(Utils.fact("token_id", List.of(new Term.Bytes(Ids.bytes(UUID.randomUUID())))))
                    .add_authority_fact(Utils.fact("created_at", List.of(Utils.date(Date.from(createdAt)))))
                    .add_authority_fact(Utils.fact("organization_id", List.of(new Term.Bytes(Ids.bytes(organizationId)))))
                    .build();
            registry.register(rootRevocationId(root), organizationId);
            return root.serialize_b64url();
        } catch (Error e) {
            throw new IllegalStateException("cannot mint a root token: " + e, e);
        }
    }

    /** Verifies the token against the root key and appends ONE block holding the given checks. */
    public String attenuate(String token, List<String> checks) {
        try {
            Biscuit biscuit = Biscuit.from_b64url(token, rootKey.public_key());
            Block block = biscuit.create_block();
            for (String check : checks) {
                block.add_check(check);
            }
            return biscuit.attenuate(block).serialize_b64url();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot attenuate the token: " + e.getMessage(), e);
        }
    }

    /** Revokes the root a token derives from (its block-0 revocation id); every derivative dies with it. */
    public boolean revoke(String token) {
        try {
            return registry.revoke(rootRevocationId(UnverifiedBiscuit.from_b64url(token)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Biscuit token: " + e.getMessage(), e);
        }
    }

    static String rootRevocationId(UnverifiedBiscuit token) {
        return token.revocation_identifiers().get(0).toHex().toLowerCase(Locale.ROOT);
    }
}
