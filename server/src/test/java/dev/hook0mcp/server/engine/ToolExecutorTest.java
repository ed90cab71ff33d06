package dev.hook0mcp.server.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.engine.composite.Composites;
import dev.hook0mcp.server.mcp.Surfaces;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.ShapingOptions;
import dev.hook0mcp.server.results.ToolOutcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine answers when a handler fails in a way the handler cannot answer itself. */
class ToolExecutorTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();

    @Test
    void aCallThatRunsTheServerOutOfMemoryIsAnsweredWithWhatToDo() {
        ToolDefinition health = CATALOG.get("get_delivery_health");
        ToolDefinition replay = CATALOG.get("replay_failed_events");
        ToolHandler exhausting = (tool, arguments, context) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        ResultShaper shaper = new ResultShaper(new ShapingOptions(false, 60_000));
        Map<String, ToolHandler> composites = new HashMap<>(Composites.standard(CATALOG, shaper, Clock.systemUTC()));
        composites.put(health.binding().handler(), exhausting);
        composites.put(replay.binding().handler(), exhausting);
        ToolExecutor executor = new ToolExecutor(CATALOG, shaper, composites);

        ToolOutcome read = executor.call("get_delivery_health", Map.of(), context());
        assertTrue(read.error());
        assertTrue(read.text().startsWith("get_delivery_health ran hook0-mcp out of memory (its maximum heap is "),
                read.text());
        assertTrue(read.text().contains("a smaller limit or narrower filters"), read.text());

        ToolOutcome write = executor.call("replay_failed_events", Map.of(), context());
        assertTrue(write.error());
        assertTrue(write.text().contains("may_have_been_applied"), "a write says it may have happened: " + write.text());
    }

    private static CallContext context() {
        return Surfaces.context(Surfaces.surface(tool -> true, new TokenDefaults(Surfaces.ORG, Surfaces.APP)));
    }
}
