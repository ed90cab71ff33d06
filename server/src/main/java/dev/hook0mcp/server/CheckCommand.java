package dev.hook0mcp.server;

import dev.hook0mcp.server.access.TerminalReport;
import dev.hook0mcp.server.access.TokenInfo;
import dev.hook0mcp.server.config.ExitStatus;
import dev.hook0mcp.server.token.TokenFingerprint;
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
        TokenInfo info = core.inspector().inspect(token).tokenInfo();
        TerminalReport.check(info, core.client().apiUrl(), redacted(token), out);
        // Usable means confirmed: a token Hook0 could not be asked about is not reported as working.
        return info.healthy() ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** Enough to tell two tokens apart, never enough to use one: a short SHA-256 fingerprint. */
    static String redacted(String token) {
        return "redacted, fingerprint " + TokenFingerprint.of(token);
    }
}
