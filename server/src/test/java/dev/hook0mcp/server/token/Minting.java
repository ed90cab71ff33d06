package dev.hook0mcp.server.token;

import biscuit.format.schema.Schema;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.error.Error;
import org.biscuitsec.biscuit.token.Biscuit;
import org.biscuitsec.biscuit.token.builder.Block;

/** Mints tokens with biscuit-java the way Hook0 (authority block) and our sandbox (attenuation) write them. */
final class Minting {

    static final UUID ORGANIZATION = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final UUID APPLICATION = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    static final UUID OTHER_APPLICATION = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-ffffffffffff");

    private Minting() {
    }

    /** {@code hex:…} as Biscuit Datalog prints a UUID stored as 16 bytes. */
    static String hex(UUID id) {
        return "hex:" + id.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** A root service token exactly as Hook0 mints it: one authority block of five facts. */
    static Biscuit root(KeyPair key, UUID organization) throws Error {
        return Biscuit.builder(key)
                .add_authority_fact("type(\"service_access\")")
                .add_authority_fact("version(1)")
                .add_authority_fact("token_id(" + hex(UUID.fromString("99999999-8888-7777-6666-555555555555")) + ")")
                .add_authority_fact("created_at(2026-11-01T12:00:00Z)")
                .add_authority_fact("organization_id(" + hex(organization) + ")")
                .build();
    }

    static Biscuit root(KeyPair key) throws Error {
        return root(key, ORGANIZATION);
    }

    /** Appends one block holding {@code statements} (checks, or facts/rules when they do not start with "check"). */
    static Biscuit attenuate(Biscuit token, String... statements) throws Error {
        Block block = token.create_block();
        for (String statement : statements) {
            if (statement.startsWith("check")) {
                block.add_check(statement);
            } else if (statement.contains("<-")) {
                block.add_rule(statement);
            } else {
                block.add_fact(statement);
            }
        }
        return token.attenuate(block);
    }

    static String b64(Biscuit token) throws Error {
        return token.serialize_b64url();
    }

    /**
     * Rewrites block {@code index} of a token's protobuf (signatures become stale: the reader does not check them).
     * Used to write what biscuit-java cannot, e.g. Datalog 3.3 enum values.
     */
    static String rewriteBlock(String token, int index, UnaryOperator<Schema.Block.Builder> change) throws Exception {
        Schema.Biscuit biscuit = Schema.Biscuit.parseFrom(Base64.getUrlDecoder().decode(token));
        Schema.SignedBlock signed = index == 0 ? biscuit.getAuthority() : biscuit.getBlocks(index - 1);
        Schema.Block block = Schema.Block.parser().parsePartialFrom(signed.getBlock());
        ByteString changed = change.apply(block.toBuilder()).buildPartial().toByteString();
        Schema.SignedBlock newSigned = signed.toBuilder().setBlock(changed).build();
        Schema.Biscuit.Builder out = biscuit.toBuilder();
        if (index == 0) {
            out.setAuthority(newSigned);
        } else {
            out.setBlocks(index - 1, newSigned);
        }
        return Base64.getUrlEncoder().encodeToString(out.build().toByteArray());
    }

    /** Rewrites the token's envelope (the outer {@code Biscuit} message). */
    static String rewriteEnvelope(String token, UnaryOperator<Schema.Biscuit.Builder> change)
            throws InvalidProtocolBufferException {
        Schema.Biscuit biscuit = Schema.Biscuit.parseFrom(Base64.getUrlDecoder().decode(token));
        return Base64.getUrlEncoder().encodeToString(change.apply(biscuit.toBuilder()).buildPartial().toByteArray());
    }
}
