package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.token.SignatureStatus;
import dev.hook0mcp.server.token.TokenFacts;
import dev.hook0mcp.server.token.TokenFormatException;
import dev.hook0mcp.server.token.TokenReader;
import dev.hook0mcp.server.token.TokenSignature;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, offline, whether a bearer token never seen before may get an endpoint (and so cost a probe of Hook0):
 * it must read as a Hook0 service token, not be expired, and be signed by this Hook0 instance's root key. The key
 * comes from {@code GET /api/v1/instance}, fetched once and again at most every {@code refreshMillis}.
 */
final class TokenGate {

    private static final long RETRY_WITHOUT_KEY_MILLIS = 30_000;

    private final Hook0Client client;
    private final long refreshMillis;
    private final Clock clock;
    private Optional<String> key = Optional.empty();
    private long fetchedAtMillis;
    private boolean fetched;

    TokenGate(Hook0Client client, long refreshMillis, Clock clock) {
        this.client = client;
        this.refreshMillis = refreshMillis;
        this.clock = clock;
    }

    /** An Authorization scheme other than Bearer: a word, then a space (a token itself has no space). */
    private static final Pattern OTHER_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9-]{1,20})\\s+\\S");

    /** Why the token may not get an endpoint, or empty when it may. */
    Optional<String> refusal(String token) {
        TokenFacts facts;
        try {
            facts = TokenReader.read(token);
        } catch (TokenFormatException e) {
            Matcher scheme = OTHER_SCHEME.matcher(token);
            if (scheme.lookingAt()) { // e.g. Authorization: Basic … (a browser's or a proxy's credentials)
                return Optional.of("the Authorization header uses the " + scheme.group(1) + " scheme; send a Hook0"
                        + " service token as Authorization: Bearer <token>");
            }
            return Optional.of("the bearer token is unreadable: " + e.getMessage()
                    + ". Send a Hook0 service token as Authorization: Bearer <token>");
        }
        if (facts.isExpired(clock.instant())) {
            return Optional.of("the bearer token expired at " + facts.expiresAt().orElseThrow()
                    + ". Create or attenuate a new service token in Hook0");
        }
        Optional<String> instanceKey = instanceKey();
        if (instanceKey.isPresent()
                && TokenSignature.verify(token, instanceKey.get()).status() == SignatureStatus.INVALID) {
            return Optional.of("the bearer token was not issued by the Hook0 instance at " + client.apiUrl()
                    + " (its signature does not match the instance's key)");
        }
        return Optional.empty();
    }

    /** The instance key; when Hook0 does not give one, tokens pass on their text and the probe decides. */
    private synchronized Optional<String> instanceKey() {
        long now = clock.millis();
        long wait = key.isPresent() ? refreshMillis : Math.min(refreshMillis, RETRY_WITHOUT_KEY_MILLIS);
        if (fetched && now - fetchedAtMillis < wait) {
            return key;
        }
        fetched = true;
        fetchedAtMillis = now;
        try {
            Hook0Response r = client.send(Hook0Request.get(List.of("api", "v1", "instance"), List.of()), null);
            Optional<String> found = r.isSuccess()
                    ? r.json().map(j -> j.path("biscuit_public_key").asText(null)).filter(k -> !k.isBlank())
                    : Optional.empty();
            if (found.isPresent() || key.isEmpty()) {
                key = found; // a transient failure keeps the key known before
            }
        } catch (Hook0TransportException e) {
            // Hook0 unreachable: keep what we had; the next refresh tries again
        }
        return key;
    }
}
