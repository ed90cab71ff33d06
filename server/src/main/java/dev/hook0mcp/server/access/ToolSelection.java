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
        unknown(config.toolsets(), toolsets, "HOOK0_TOOLSETS", "toolset");
        unknown(config.tools(), names, "HOOK0_TOOLS", "tool");
        unknown(config.excludeTools(), names, "HOOK0_EXCLUDE_TOOLS", "tool");
        return new ToolSelection(config);
    }

    private static void unknown(Set<String> given, Set<String> known, String setting, String kind) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new ConfigException(setting + ": unknown " + kind + " "
                        + dev.hook0mcp.server.token.TokenText.quoted(name) + " (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /** Why the user's configuration hides this tool, or empty when it does not. */
    public Optional<String> hiddenBecause(ToolDefinition tool) {
        if (config.readOnly() && !tool.isRead()) {
            return Optional.of("HOOK0_READ_ONLY=true hides write tools");
        }
        if (config.excludeTools().contains(tool.name())) {
            return Optional.of("excluded by HOOK0_EXCLUDE_TOOLS");
        }
        if (!config.tools().isEmpty() && !config.tools().contains(tool.name())) {
            return Optional.of("not listed in HOOK0_TOOLS");
        }
        if (!config.toolsets().isEmpty() && !config.toolsets().contains(tool.toolset())) {
            return Optional.of("its toolset '" + tool.toolset() + "' is not in HOOK0_TOOLSETS");
        }
        return Optional.empty();
    }
}
