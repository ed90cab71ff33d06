package dev.hook0mcp.server.access;

import org.slf4j.Logger;

/** A token's decision on stderr, once each time it is made: one summary line, then the warnings. */
public final class TokenInfoLog {

    private TokenInfoLog() {}

    public static void log(TokenInfo info, Logger log) {
        info.problem().ifPresentOrElse(problem -> log.error("token unusable: {}", problem),
                () -> log.info("{}", summary(info)));
        info.warnings().forEach(w -> log.warn("{}", w));
        info.rootTokenHint().ifPresent(hint -> log.warn("{}", hint));
    }

    /** "token: organization …, application …, expires …, mode read-only, 12 of 30 tools on". */
    public static String summary(TokenInfo info) {
        return "token: organization " + info.organizationId().map(Object::toString).orElse("unknown")
                + info.applicationId().map(a -> ", application " + a).orElse("")
                + info.expiresAt().map(e -> ", expires " + e).orElse("")
                + ", mode " + info.mode().label() + ", " + info.toolCount() + " tools on";
    }
}
