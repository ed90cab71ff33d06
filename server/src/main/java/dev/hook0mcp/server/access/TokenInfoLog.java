package dev.hook0mcp.server.access;

import org.slf4j.Logger;

/**
 * A token's decision on stderr, once each time it is made: one summary line, then the warnings. The root-token
 * nudge is given once per token and server: an HTTP server whose callers share a root token, or a start whose
 * probes are asked again, would otherwise repeat it on every decision.
 */
public final class TokenInfoLog {

    private TokenInfoLog() {}

    /** @param nudge whether a root token's nudge is given ({@link AccessInspector#firstNudge}) */
    public static void log(TokenInfo info, Logger log, boolean nudge) {
        info.problem().ifPresentOrElse(problem -> log.error("token unusable: {}", problem),
                () -> log.info("{}", summary(info)));
        info.warnings().forEach(w -> log.warn("{}", w));
        info.rootTokenHint().filter(hint -> nudge).ifPresent(hint -> log.warn("{}", hint));
    }

    /** "token: organization …, application …, expires …, mode read-only, 12 of 30 tools on". */
    public static String summary(TokenInfo info) {
        return "token: organization " + info.organizationId().map(Object::toString).orElse("unknown")
                + info.applicationId().map(a -> ", application " + a).orElse("")
                + info.expiresAt().map(e -> ", expires " + e).orElse("")
                + ", mode " + info.mode().label() + ", " + info.toolCount() + " tools on";
    }
}
