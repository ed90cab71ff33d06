package dev.hook0mcp.server;

import dev.hook0mcp.server.config.ExitStatus;
import dev.hook0mcp.server.config.Version;
import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.access.AccessReport;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.token.TokenFacts;
import java.io.PrintStream;

/**
 * {@code hook0-mcp check}: the probe made visible to a person — API reachability, the token's facts (never the
 * token), and the table of tools on and off with the reason. Exit status 0 when Hook0 answered as Hook0 and the
 * token is usable, 1 otherwise (a URL that is not a Hook0 API is not healthy).
 */
final class CheckCommand {

    private final ServerCore core;
    private final PrintStream out;

    CheckCommand(ServerCore core, PrintStream out) {
        this.core = core;
        this.out = out;
    }

    int run(String token) {
        AccessReport report = core.inspector().inspect(token);
        TokenFacts facts = report.facts();
        out.println(Version.NAME + " " + Version.VERSION + " check");
        out.println("API:        " + core.client().apiUrl() + (!report.instanceReachable() ? " — NOT reachable"
                : report.apiProblem() != null ? " — NOT a Hook0 API" : " — reachable"));
        out.println("Token:      " + redacted(token));
        if (facts != null) {
            out.println("  organization  " + facts.organizationId());
            out.println("  application   " + facts.applicationRestriction().map(Object::toString).orElse("any (not restricted)"));
            out.println("  expires       " + facts.expiresAt().map(Object::toString).orElse("never"));
            out.println("  attenuation   " + facts.attenuationBlocks() + " block(s)"
                    + facts.actionAllowList().map(l -> ", action allow-list of " + l.size()).orElse(""));
        }
        out.println("  signature     " + report.signature().status().name().toLowerCase() + " — " + report.signature().detail());
        out.println("Mode:       " + report.mode().label() + " — " + report.surface().enabledNames().size() + " of "
                + report.surface().decisions().size() + " tools on");
        if (report.problem() != null) {
            out.println("PROBLEM:    " + report.problem());
        }
        report.notes().forEach(n -> out.println("Note:       " + n));
        out.println();
        for (ToolSurface.Decision d : report.surface().decisions()) {
            out.printf("  %-3s  %-32s %s%n", d.enabled() ? "on" : "off", d.tool().name(), d.reason());
        }
        // Usable means confirmed: a token Hook0 could not be asked about is not reported as working.
        return report.usable() && report.instanceReachable() && report.apiProblem() == null
                ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** Enough to tell two tokens apart, never enough to use one: a short SHA-256 fingerprint. */
    static String redacted(String token) {
        return "redacted, fingerprint " + TokenFingerprint.of(token);
    }
}
