package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.access.AccessReport;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.token.TokenFacts;
import java.io.PrintStream;

/** What the attenuated token may do, for a person reading stderr: never the token itself. */
final class AccessSummary {

    private AccessSummary() {}

    static void print(AccessReport report, AttenuationBlock block, String apiUrl, PrintStream err) {
        err.println("hook0-mcp attenuate: appended one block: " + block.describe());
        TokenFacts facts = report.facts();
        if (facts != null) {
            err.println("New token:  organization " + facts.organizationId()
                    + ", application " + facts.applicationRestriction().map(Object::toString).orElse("any")
                    + ", expires " + facts.expiresAt().map(Object::toString).orElse("never")
                    + ", " + facts.attenuationBlocks() + " attenuation block(s)");
        }
        String source = !report.instanceReachable() ? "Hook0 not reachable at " + apiUrl + ": from the token's text"
                : report.apiProblem() != null ? apiUrl + " is not a Hook0 API: from the token's text"
                : "probed at " + apiUrl;
        err.println("Mode:       " + report.mode().label() + " — " + report.surface().enabledNames().size() + " of "
                + report.surface().decisions().size() + " tools on (" + source + ")");
        for (ToolSurface.Decision d : report.surface().decisions()) {
            err.printf("  %-3s  %-32s %s%n", d.enabled() ? "on" : "off", d.tool().name(), d.reason());
        }
        report.notes().forEach(n -> err.println("Note:       " + n));
        err.flush();
    }
}
