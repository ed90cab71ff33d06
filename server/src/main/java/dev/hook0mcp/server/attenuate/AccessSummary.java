package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.access.TerminalReport;
import dev.hook0mcp.server.access.TokenInfo;
import java.io.PrintStream;

/** What the attenuated token may do, for a person reading stderr: never the token itself. */
final class AccessSummary {

    private AccessSummary() {}

    static void print(TokenInfo info, AttenuationBlock block, String apiUrl, PrintStream err) {
        err.println("hook0-mcp attenuate: appended one block: " + block.describe());
        info.organizationId().ifPresent(organization -> err.println("New token:  organization " + organization
                + ", application " + info.applicationId().map(Object::toString).orElse("any")
                + ", expires " + info.expiresAt().map(Object::toString).orElse("never")
                + ", " + info.attenuationBlocks() + " attenuation block(s)"));
        String source = !info.instanceReachable() ? "Hook0 not reachable at " + apiUrl + ": from the token's text"
                : info.apiProblem().isPresent() ? apiUrl + " is not a Hook0 API: from the token's text"
                : "probed at " + apiUrl;
        err.println("Mode:       " + TerminalReport.modeLine(info) + " (" + source + ")");
        TerminalReport.printTools(info, err);
        TerminalReport.printWarnings(info, err);
        err.flush();
    }
}
