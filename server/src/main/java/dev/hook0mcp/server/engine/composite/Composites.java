package dev.hook0mcp.server.engine.composite;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ResultShaper;
import java.time.Clock;
import java.util.Map;

/** The composite handlers, by the handler name the catalogue's bindings use. */
public final class Composites {

    private Composites() {}

    /** @param clock the server's clock ("now", default windows, confirmation expiry); tests pass their own */
    public static Map<String, ToolHandler> standard(ToolCatalog catalog, ResultShaper shaper, Clock clock) {
        int maxBytes = shaper.options().maxResultBytes();
        return Map.of(
                "explain_event_delivery", new ExplainEventDeliveryHandler(shaper, catalog.get("get_event").result()),
                "ingest_event", new IngestEventHandler(),
                "get_token_info", new TokenInfoHandler(),
                "replay_failed_events", new ReplayFailedEventsHandler(clock),
                "send_test_event", new SendTestEventHandler(),
                "get_delivery_health", new GetDeliveryHealthHandler(clock, maxBytes),
                "list_failed_deliveries", new ListFailedDeliveriesHandler(clock, maxBytes));
    }
}
