package dev.hook0mcp.server.engine.composite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The confirmation a dry run of replay_failed_events hands out: an HMAC over the application and the sorted event
 * ids, keyed by a random key of this process, with its expiry, so it cannot be guessed. This server keeps the set
 * each one was issued for: it is good for exactly that set, once, for {@link #VALIDITY}, and only for the caller
 * (token) whose dry run it came from: on a shared server it is not a ticket another caller can redeem.
 */
final class ReplayConfirmations {

    static final Duration VALIDITY = Duration.ofMinutes(10);

    private final byte[] key = new byte[32];
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    ReplayConfirmations() {
        new SecureRandom().nextBytes(key);
    }

    /** What a valid confirmation stands for. */
    record Issued(String applicationId, List<String> eventIds, Instant expires, String caller) {
    }

    /** Open confirmations (issued, unused, unexpired) kept at most; the oldest go first beyond that. */
    static final int MAX_OPEN = 1000;

    private final Map<String, Issued> issued = new LinkedHashMap<>();

    /** @param caller {@code CallContext.callerKey()} of the dry run's caller */
    synchronized String issue(String applicationId, List<String> eventIds, String caller, Instant now) {
        purge(now);
        long expires = now.plus(VALIDITY).getEpochSecond();
        String confirmation = expires + "." + mac(applicationId, eventIds, expires);
        issued.put(confirmation, new Issued(applicationId, List.copyOf(new TreeSet<>(eventIds)),
                Instant.ofEpochSecond(expires), caller));
        while (issued.size() > MAX_OPEN) {
            issued.remove(issued.keySet().iterator().next());
        }
        return confirmation;
    }

    /** The set {@code confirmation} was issued for, used up by this call; or the reason it is not valid. */
    synchronized Object redeem(String confirmation, String applicationId, String caller, Instant now) {
        if (used.containsKey(confirmation)) {
            return "it was already used";
        }
        Issued found = issued.get(confirmation);
        if (found == null) {
            return "it is not a confirmation this server issued (copy it exactly from the dry run)";
        }
        if (!found.expires().isAfter(now)) {
            issued.remove(confirmation);
            return "it expired at " + found.expires() + " (valid " + VALIDITY.toMinutes() + " min): dry run again";
        }
        if (!found.caller().equals(caller)) {
            return "it was issued to another token's dry run: dry run again with this token";
        }
        if (!found.applicationId().equals(applicationId)) {
            return "it was issued for application " + found.applicationId();
        }
        issued.remove(confirmation);
        used.put(confirmation, found.expires());
        return found;
    }

    private void purge(Instant now) {
        used.values().removeIf(at -> at.isBefore(now));
        issued.values().removeIf(i -> i.expires().isBefore(now));
    }

    private String mac(String applicationId, Collection<String> eventIds, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String data = applicationId + "|" + String.join(",", new TreeSet<>(eventIds)) + "|" + expires;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
