package dev.hook0mcp.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.junit.jupiter.api.Test;

/** A token's verified signatures are remembered; what can change between two requests is still checked on each. */
class BearerAuthenticatorTest {

    private final UUID organization = UUID.randomUUID();
    private final RootTokenRegistry registry = new RootTokenRegistry();
    private final TokenMinter minter = new TokenMinter(new KeyPair(), registry);
    private final BearerAuthenticator authenticator = new BearerAuthenticator(minter.publicKey(), registry);

    @Test
    void aTokenAcceptedOnceIsRefusedOnceItsRootIsRevoked() {
        String root = minter.mintRoot(organization, Instant.now());
        String derived = minter.attenuate(root, List.of("check if action(\"application:list\")"));
        assertAccepted(authenticator.authenticate("Bearer " + derived));
        assertAccepted(authenticator.authenticate("Bearer " + derived));

        minter.revoke(root);

        assertEquals(BearerAuthenticator.Failure.INVALID_BISCUIT, authenticator.authenticate("Bearer " + derived).failure());
        assertEquals(BearerAuthenticator.Failure.INVALID_BISCUIT, authenticator.authenticate(root).failure());
    }

    @Test
    void anotherKeysTokenIsRefusedAfterThisKeysWasAccepted() {
        String mine = minter.mintRoot(organization, Instant.now());
        assertAccepted(authenticator.authenticate("Bearer " + mine));
        String foreign = new TokenMinter(new KeyPair(), registry).mintRoot(organization, Instant.now());

        assertEquals(BearerAuthenticator.Failure.INVALID_BISCUIT, authenticator.authenticate("Bearer " + foreign).failure());
        assertAccepted(authenticator.authenticate("Bearer " + mine));
    }

    @Test
    void aTamperedTokenIsRefusedAfterTheGenuineOneWasAccepted() {
        String genuine = minter.mintRoot(organization, Instant.now());
        assertAccepted(authenticator.authenticate(genuine));
        int middle = genuine.length() / 2;
        char flipped = genuine.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = genuine.substring(0, middle) + flipped + genuine.substring(middle + 1);

        assertEquals(BearerAuthenticator.Failure.INVALID_BISCUIT, authenticator.authenticate(tampered).failure());
    }

    private void assertAccepted(BearerAuthenticator.Result result) {
        assertNull(result.failure());
        assertEquals(organization, result.token().organizationId());
    }
}
