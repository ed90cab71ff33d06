package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static dev.hook0mcp.catalog.CatalogFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Arguments and routes agree: nothing the assistant sends is dropped, nothing a route needs is unbound. */
class BindingConsistencyTest {

    /** Route sources a composite handler fills in from what it read, not from the arguments. */
    private static final Map<String, Set<String>> HANDLER_FILLED =
            Map.of("explain_event_delivery", Set.of("response_id", "cursor"),
                    "replay_failed_events", Set.of("event_id", "page_cursor"),
                    "send_test_event", Set.of("event_id", "response_id", "payload_content_type", "occurred_at"),
                    "get_delivery_health", Set.of("response_id", "page_cursor"),
                    "list_failed_deliveries", Set.of("response_id", "page_cursor"));
    /** Arguments a composite handler consumes itself instead of forwarding them to a route. */
    private static final Map<String, Set<String>> HANDLER_CONSUMED =
            Map.of("ingest_event", Set.of("payload_json"),
                    "replay_failed_events", Set.of("event_ids", "include_scheduled", "dry_run", "confirmation"),
                    "send_test_event", Set.of("wait_seconds"),
                    "get_delivery_health", Set.of("max_attempts"),
                    "list_failed_deliveries", Set.of("max_attempts", "cursor"));
    private static final Set<String> DEFAULT_SOURCES = Set.of("token.application_id", "token.organization_id");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void everyRouteSourceIsAnArgument(String name) {
        ToolDefinition t = tool(name);
        List<String> args = t.argumentNames();
        List<String> problems = new ArrayList<>();
        for (Route r : t.binding().routes()) {
            if (!METHODS.contains(r.method())) {
                problems.add(r + ": unexpected method");
            }
            if (!r.path().startsWith("/api/v1/") || r.path().endsWith("/")) {
                problems.add(r + ": paths start with /api/v1/ and have no trailing slash");
            }
            for (String p : r.pathParameters()) {
                if (!args.contains(p) && !HANDLER_FILLED.getOrDefault(name, Set.of()).contains(p)) {
                    problems.add(r + ": path parameter {" + p + "} is not an argument");
                }
            }
            for (String arg : r.query().keySet()) {
                if (!args.contains(arg) && !HANDLER_FILLED.getOrDefault(name, Set.of()).contains(arg)) {
                    problems.add(r + ": query source " + arg + " is not an argument");
                }
            }
            for (String arg : r.body().keySet()) {
                if (!args.contains(arg) && !HANDLER_FILLED.getOrDefault(name, Set.of()).contains(arg)) {
                    problems.add(r + ": body source " + arg + " is not an argument");
                }
            }
            if ((r.method().equals("GET") || r.method().equals("DELETE")) && r.hasBody()) {
                problems.add(r + ": GET and DELETE carry no body");
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void httpBindingsBindEveryArgumentExactlyOnce(String name) {
        ToolDefinition t = tool(name);
        if (t.binding().kind() != Binding.Kind.HTTP) {
            return;
        }
        Route r = t.binding().route();
        Map<String, Integer> uses = new HashMap<>();
        r.pathParameters().forEach(p -> uses.merge(p, 1, Integer::sum));
        r.query().keySet().forEach(p -> uses.merge(p, 1, Integer::sum));
        r.body().keySet().forEach(p -> uses.merge(p, 1, Integer::sum));
        for (String arg : t.argumentNames()) {
            assertEquals(1, uses.getOrDefault(arg, 0), name + ": argument " + arg + " must be bound exactly once");
        }
        assertEquals(Set.copyOf(t.argumentNames()), uses.keySet(), name + ": bound names are the arguments");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void defaultsReferToArgumentsAndTheToken(String name) {
        ToolDefinition t = tool(name);
        t.binding().defaults().forEach((arg, source) -> {
            assertTrue(t.argumentNames().contains(arg), name + ": default for unknown argument " + arg);
            assertTrue(DEFAULT_SOURCES.contains(source), name + ": default source must be one of " + DEFAULT_SOURCES);
        });
    }

    @Test
    void compositesUseEveryArgument() {
        for (ToolDefinition t : catalog().tools()) {
            if (t.binding().kind() != Binding.Kind.COMPOSITE) {
                continue;
            }
            for (String arg : t.argumentNames()) {
                boolean routed = t.binding().routes().stream().anyMatch(r -> r.pathParameters().contains(arg)
                        || r.query().containsKey(arg) || r.body().containsKey(arg));
                assertTrue(routed || HANDLER_CONSUMED.getOrDefault(t.name(), Set.of()).contains(arg),
                        t.name() + ": argument " + arg + " is neither routed nor consumed by the handler");
            }
        }
    }

    @Test
    void explainEventDeliveryReadsTheEventItsAttemptsAndTheirResponses() {
        assertEquals(List.of(
                "GET /api/v1/events/{event_id}", "GET /api/v1/request_attempts", "GET /api/v1/responses/{response_id}"),
                tool("explain_event_delivery").binding().routes().stream().map(Route::toString).toList());
        assertEquals(Map.of("application_id", "application_id", "event_id", "event_id", "cursor", "pagination_cursor"),
                tool("explain_event_delivery").binding().routes().get(1).query(),
                "the handler follows the attempts' Link cursor page by page");
        assertEquals(List.of("GET /api/v1/instance"),
                tool("get_token_info").binding().routes().stream().map(Route::toString).toList());
        assertEquals(List.of("POST /api/v1/event"),
                tool("ingest_event").binding().routes().stream().map(Route::toString).toList());
    }

    @Test
    void readMergePutReadsThenWritesTheSameResource() {
        for (ToolDefinition t : catalog().tools()) {
            if (t.binding().kind() != Binding.Kind.READ_MERGE_PUT) {
                continue;
            }
            List<Route> routes = t.binding().routes();
            assertEquals(2, routes.size(), t.name());
            assertEquals("GET", routes.get(0).method(), t.name() + ": routes[0] reads");
            assertEquals("PUT", routes.get(1).method(), t.name() + ": routes[1] writes");
            assertEquals(routes.get(0).path(), routes.get(1).path(), t.name() + ": same resource");
            Route put = routes.get(1);
            for (String arg : t.argumentNames()) {
                assertTrue(put.pathParameters().contains(arg) || put.body().containsKey(arg),
                        t.name() + ": argument " + arg + " must reach the PUT");
            }
        }
    }

    @Test
    void listRequestAttemptsUsesHook0sWireNames() {
        Map<String, String> query = tool("list_request_attempts").binding().route().query();
        assertEquals("event.event_type_names", query.get("event_type_names"));
        assertEquals("pagination_cursor", query.get("cursor"));
    }
}
