package dev.hook0mcp.server.mcp;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.access.AccessReport.Mode;
import dev.hook0mcp.server.access.CallerAccess;
import dev.hook0mcp.server.access.TokenInfo;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.ShapingOptions;
import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.engine.composite.Composites;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Tool surfaces and call contexts for unit tests, built from the real catalogue. */
public final class Surfaces {

    static final ToolCatalog CATALOG = ToolCatalog.standard();
    public static final String ORG = "11111111-2222-4333-8444-555555555555";
    public static final String APP = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    private Surfaces() {}

    public static ToolSurface surface(Predicate<ToolDefinition> on, TokenDefaults defaults) {
        List<ToolSurface.Decision> decisions = new ArrayList<>();
        for (ToolDefinition tool : CATALOG.tools()) {
            boolean enabled = on.test(tool);
            decisions.add(new ToolSurface.Decision(tool, enabled, enabled ? "allowed"
                    : "test token: " + (tool.action() == null ? "hidden" : tool.action() + " is not allowed")));
        }
        return new ToolSurface(decisions, defaults);
    }

    static ToolSurface full() {
        return surface(t -> true, new TokenDefaults(ORG, null));
    }

    static ToolSurface readOnly() {
        return surface(ToolDefinition::isRead, new TokenDefaults(ORG, null));
    }

    static ToolSurface oneApplication() {
        return surface(t -> t.scope() != ToolScope.ORGANIZATION, new TokenDefaults(ORG, APP));
    }

    static ToolSurface only(Set<String> names) {
        return surface(t -> names.contains(t.name()), new TokenDefaults(ORG, null));
    }

    static CallContext context(ToolSurface surface, String apiUrl, String token) {
        CallerAccess access = new CallerAccess() {
            @Override
            public ToolSurface surface() {
                return surface;
            }

            @Override
            public TokenInfo tokenInfo() {
                return Surfaces.tokenInfo(surface);
            }
        };
        return new CallContext(new Hook0Client(apiUrl, Duration.ofSeconds(5)), token, access);
    }

    /** The token info a test surface stands for: a read-only mode when no write tool is on, custom otherwise. */
    static TokenInfo tokenInfo(ToolSurface surface) {
        Mode mode = surface.enabled().stream().allMatch(ToolDefinition::isRead) ? Mode.READ_ONLY : Mode.CUSTOM;
        return new TokenInfo(Optional.of(UUID.fromString(ORG)),
                Optional.ofNullable(surface.defaults().applicationId()).map(UUID::fromString), Optional.empty(), 1,
                Optional.empty(), new SignatureCheck(SignatureStatus.UNCHECKED, "not checked in unit tests"), mode,
                Optional.empty(), true, Optional.empty(), surface.decisions(), List.of(), false, Optional.empty());
    }

    public static CallContext context(ToolSurface surface) {
        return context(surface, "http://127.0.0.1:9", "unused");
    }

    static ToolExecutor executor() {
        ResultShaper shaper = new ResultShaper(new ShapingOptions(false, 60_000));
        return new ToolExecutor(CATALOG, shaper, Composites.standard(CATALOG, shaper, java.time.Clock.systemUTC()));
    }

    /** Catalogue tool names {@code text} mentions as whole words. */
    static Set<String> toolsNamedIn(String text) {
        Set<String> named = new LinkedHashSet<>();
        for (ToolDefinition tool : CATALOG.tools()) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(tool.name()) + "(?![A-Za-z0-9_])").matcher(text)
                    .find()) {
                named.add(tool.name());
            }
        }
        return named;
    }
}
