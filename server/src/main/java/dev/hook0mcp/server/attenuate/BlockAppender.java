package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.token.TokenFormatException;
import org.biscuitsec.biscuit.token.UnverifiedBiscuit;
import org.biscuitsec.biscuit.token.builder.Block;

/**
 * Appends one block to a Biscuit with biscuit-java, offline: attenuating needs no private key (the token
 * carries the key that signs the next block) and no network. The blocks already there are kept byte for byte.
 */
final class BlockAppender {

    private BlockAppender() {}

    /**
     * @param tokenBytes the decoded token
     * @return the attenuated token, URL-safe base64 as Hook0 issues them
     * @throws TokenFormatException naming the cause (never the token) when biscuit-java cannot extend it
     */
    static String append(byte[] tokenBytes, AttenuationBlock restrictions) throws TokenFormatException {
        UnverifiedBiscuit token;
        try {
            token = UnverifiedBiscuit.from_bytes(tokenBytes);
        } catch (org.biscuitsec.biscuit.error.Error | RuntimeException e) {
            throw new TokenFormatException("the token holds Datalog that biscuit-java 4.0.1 cannot read (Datalog 3.3"
                    + " arrays or maps, as in the read-only claim pasted in the dashboard), so it cannot be extended"
                    + " here; attenuate the token it was made from instead, adding the same restrictions");
        }
        try {
            Block block = token.create_block();
            for (String check : restrictions.datalogChecks()) {
                block.add_check(check);
            }
            return token.attenuate(block).serialize_b64url();
        } catch (org.biscuitsec.biscuit.error.Error | java.security.GeneralSecurityException | RuntimeException e) {
            throw new TokenFormatException("biscuit-java could not append the block (" + e.getClass().getSimpleName()
                    + "); the token may be sealed or use a signature format this version does not know");
        }
    }
}
