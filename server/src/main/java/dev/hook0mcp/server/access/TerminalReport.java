package dev.hook0mcp.server.access;

import dev.hook0mcp.server.config.Version;
import java.io.PrintStream;

/** A token's decision as a person reads it on a terminal: {@code check}, and the tool table {@code attenuate} prints. */
public final class TerminalReport {

    private TerminalReport() {}

    /**
     * What {@code hook0-mcp check} prints: API reachability, the token's facts (never the token: {@code tokenLabel}
     * says which one it is), the mode, problems and warnings, then every tool on or off with the reason.
     */
    public static void check(TokenInfo info, String apiUrl, String tokenLabel, PrintStream out) {
        out.println(Version.NAME + " " + Version.VERSION + " check");
        out.println("API:        " + apiUrl + (!info.instanceReachable() ? " — NOT reachable"
                : info.apiProblem().isPresent() ? " — NOT a Hook0 API" : " — reachable"));
        out.println("Token:      " + tokenLabel);
        info.organizationId().ifPresent(organization -> {
            out.println("  organization  " + organization);
            out.println("  application   " + info.applicationId().map(Object::toString).orElse("any (not restricted)"));
            out.println("  expires       " + info.expiresAt().map(Object::toString).orElse("never"));
            out.println("  attenuation   " + info.attenuationBlocks() + " block(s)"
                    + info.actionAllowList().map(l -> ", action allow-list of " + l.size()).orElse(""));
        });
        out.println("  signature     " + info.signatureStatus() + " — " + info.signature().detail());
        out.println("Mode:       " + modeLine(info));
        info.problem().ifPresent(problem -> out.println("PROBLEM:    " + problem));
        printWarnings(info, out);
        out.println();
        printTools(info, out);
    }

    /** "read-only — 12 of 30 tools on", and how many of the others this server's settings hide. */
    public static String modeLine(TokenInfo info) {
        long bySettings = info.tools().stream()
                .filter(d -> !d.enabled() && ToolSelection.isSettingReason(d.reason())).count();
        return info.mode().label() + " — " + info.toolCount() + " tools on"
                + (bySettings == 0 ? "" : " (" + bySettings + " hidden by this server's settings)");
    }

    /** One line a catalogue tool: on or off, its name, the reason. */
    public static void printTools(TokenInfo info, PrintStream out) {
        for (ToolSurface.Decision d : info.tools()) {
            out.printf("  %-3s  %-32s %s%n", d.enabled() ? "on" : "off", d.tool().name(), d.reason());
        }
    }

    public static void printWarnings(TokenInfo info, PrintStream out) {
        info.warnings().forEach(w -> out.println("Note:       " + w));
    }
}
