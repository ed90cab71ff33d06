package dev.hook0mcp.server.access;

import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigException;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's own filters — HOOK0_TOOLSETS, HOOK0_TOOLS, HOOK0_EXCLUDE_TOOLS and HOOK0_READ_ONLY — checked against
 * the catalogue (an unknown name is a configuration error, not a silent no-op). They only ever remove tools.
 */
public final class ToolSelection {

    private final Config config;

    private ToolSelection(Config config) {
        this.config = config;
    }

    public static ToolSelection of(Config config, ToolCatalog catalog) {
        Set<String> toolsets = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        catalog.tools().forEach(t -> {
            toolsets.add(t.toolset());
            names.add(t.name());
        });
        unknown(config.toolsets(), toolsets, "--toolsets / HOOK0_TOOLSETS", "toolset");
        unknown(config.tools(), names, "--tools / HOOK0_TOOLS", "tool");
        unknown(config.excludeTools(), names, "--exclude-tools / HOOK0_EXCLUDE_TOOLS", "tool");
        return new ToolSelection(config);
    }

    private static void unknown(Set<String> given, Set<String> known, String setting, String kind) {
        for (String name : given) {
            if (!known.contains(name)) {
                String nearest = nearest(name, known);
                throw new ConfigException(setting + ": unknown " + kind + " "
                        + dev.hook0mcp.server.token.TokenText.quoted(name)
                        + (nearest == null ? "" : ", did you mean " + nearest + "?") + " (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /** The known name a typo of at most 3 edits away from {@code name} stands for, or null. */
    static String nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : known) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }

    private static final String READ_ONLY = "HOOK0_READ_ONLY=true hides write tools";
    private static final String EXCLUDED = "excluded by HOOK0_EXCLUDE_TOOLS";
    private static final String NOT_LISTED = "not listed in HOOK0_TOOLS";
    private static final String TOOLSET_OFF = "is not in HOOK0_TOOLSETS";

    /** Why the user's configuration hides this tool, or empty when it does not. */
    public Optional<String> hiddenBecause(ToolDefinition tool) {
        if (config.readOnly() && !tool.isRead()) {
            return Optional.of(READ_ONLY);
        }
        if (config.excludeTools().contains(tool.name())) {
            return Optional.of(EXCLUDED);
        }
        if (!config.tools().isEmpty() && !config.tools().contains(tool.name())) {
            return Optional.of(NOT_LISTED);
        }
        if (!config.toolsets().isEmpty() && !config.toolsets().contains(tool.toolset())) {
            return Optional.of("its toolset '" + tool.toolset() + "' " + TOOLSET_OFF);
        }
        return Optional.empty();
    }

    /** Whether a tool is off for a reason {@link #hiddenBecause} gave: the server's settings, not the token. */
    public static boolean isSettingReason(String reason) {
        return reason.equals(READ_ONLY) || reason.equals(EXCLUDED) || reason.equals(NOT_LISTED)
                || reason.startsWith("its toolset '") && reason.endsWith(TOOLSET_OFF);
    }
}
