package dev.hook0mcp.server.access;

/**
 * What Hook0 answered one side-effect-free probe.
 *
 * @param verdict  ALLOWED: authorized (2xx, or 404/422 after authorization); DENIED: 403 Forbidden;
 *                 INVALID_TOKEN: 403 AuthInvalidBiscuit; UNKNOWN: the answer tells nothing (network, 400 before
 *                 authorization, 5xx after retries); EXCLUDED: not asked, because the token's own action
 *                 allow-list leaves the action out, so Hook0 refuses it whatever it would answer
 * @param evidence e.g. "GET /api/v1/events → 200" (no token, no data)
 */
public record ProbeOutcome(Verdict verdict, String evidence) {

    public enum Verdict {
        ALLOWED,
        DENIED,
        INVALID_TOKEN,
        UNKNOWN,
        EXCLUDED
    }
}
