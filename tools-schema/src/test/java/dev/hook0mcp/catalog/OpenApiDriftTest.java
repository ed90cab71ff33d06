package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.textList;
import static dev.hook0mcp.catalog.CatalogFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.Hook0RouteDigest.Body;
import dev.hook0mcp.catalog.Hook0RouteDigest.Operation;
import dev.hook0mcp.catalog.Hook0RouteDigest.Parameter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drift check: every route of every tool (composites included) is checked against Hook0's OpenAPI document,
 * through the committed route digest ({@link Hook0RouteDigest}; {@link OpenApiRouteDigesterTest} keeps it current),
 * so the catalogue cannot silently drift from the API.
 */
class OpenApiDriftTest {

    /** Hook0's IAM action per route, from the action table; null = public route, no action. */
    private static final Map<String, String> ACTION_BY_ROUTE = new HashMap<>();

    static {
        for (Hook0Action action : Hook0Actions.standard().all()) {
            action.routes().forEach(route -> ACTION_BY_ROUTE.put(route, action.name()));
        }
        Hook0Actions.standard().publicRoutes().forEach(route -> ACTION_BY_ROUTE.put(route, null));
    }

    /** Required body members a composite handler fills in itself (ingest_event: payload_json, now). */
    private static final Map<String, Set<String>> HANDLER_SUPPLIED =
            Map.of("ingest_event", Set.of("payload", "payload_content_type", "occurred_at"),
                    "send_test_event", Set.of("payload", "payload_content_type", "occurred_at", "labels"));

    private static Hook0RouteDigest hook0;

    @BeforeAll
    static void loadRoutes() {
        hook0 = Hook0RouteDigest.committed();
        assertTrue(hook0.size() > 0, "the route digest has no routes");
    }

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void everyRouteMatchesHook0sOpenApi(String name) {
        ToolDefinition t = tool(name);
        List<String> problems = new ArrayList<>();
        for (Route route : t.binding().routes()) {
            problems.addAll(driftProblems(route));
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void requiredParametersAndBodyMembersAreAlwaysSent(String name) {
        ToolDefinition t = tool(name);
        List<String> required = textList(t.inputSchema().get("required"));
        Set<String> supplied = HANDLER_SUPPLIED.getOrDefault(name, Set.of());
        boolean readMergePut = t.binding().kind() == Binding.Kind.READ_MERGE_PUT;
        List<String> problems = new ArrayList<>();
        for (Route route : t.binding().routes()) {
            Optional<Operation> op = hook0.operation(route.method(), route.path());
            if (op.isEmpty()) {
                continue; // reported by everyRouteMatchesHook0sOpenApi
            }
            // A required query parameter must come from a required argument (which may be defaulted).
            for (Parameter p : op.get().parameters()) {
                if (p.in().equals("query") && p.required()) {
                    String wire = p.name();
                    route.query().forEach((arg, w) -> {
                        if (w.equals(wire) && !required.contains(arg)) {
                            problems.add(route + ": argument " + arg + " feeds required query " + wire
                                    + " so it must be required");
                        }
                    });
                }
            }
            // A required body member must be bound, from a required argument unless the server fills it in.
            List<String> requiredMembers = op.get().body().map(Body::required).orElse(List.of());
            for (String member : requiredMembers) {
                List<String> sources = route.body().entrySet().stream()
                        .filter(e -> e.getValue().equals(member)).map(Map.Entry::getKey).toList();
                if (sources.isEmpty()) {
                    problems.add(route + ": required body member " + member + " is not bound");
                } else if (!readMergePut && !supplied.contains(member)
                        && sources.stream().noneMatch(required::contains)) {
                    problems.add(route + ": required body member " + member + " comes from an optional argument");
                }
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void theToolsActionIsTheActionOfItsRoute(String name) {
        ToolDefinition t = tool(name);
        List<Route> routes = t.binding().routes();
        for (Route r : routes) {
            assertTrue(ACTION_BY_ROUTE.containsKey(r.method() + " " + r.path()),
                    name + ": no known IAM action for " + r + " (add the route to its action in hook0-actions.json)");
        }
        // http and composite: the first route decides; read_merge_put: the write (routes[1]) decides.
        Route deciding = t.binding().kind() == Binding.Kind.READ_MERGE_PUT ? routes.get(1) : routes.get(0);
        assertEquals(ACTION_BY_ROUTE.get(deciding.method() + " " + deciding.path()), t.action(),
                name + ": action must be Hook0's action for " + deciding);
        if (t.binding().kind() == Binding.Kind.COMPOSITE) {
            for (Route other : routes) {
                String action = ACTION_BY_ROUTE.get(other.method() + " " + other.path());
                if (action != null && !action.equals(t.action())) {
                    assertTrue(t.description().contains(action),
                            name + ": the description must say it also needs " + action + " (for " + other + ")");
                }
            }
        }
    }

    @Test
    void everyActionsRoutesAndProbeAreHook0Routes() {
        List<String> problems = new ArrayList<>();
        for (Hook0Action action : Hook0Actions.standard().all()) {
            for (String methodAndPath : action.routes()) {
                String[] parts = methodAndPath.split(" ", 2);
                if (hook0.operation(parts[0], parts[1]).isEmpty()) {
                    problems.add(action.name() + ": " + methodAndPath + " is not in Hook0's OpenAPI document");
                }
            }
            action.probeTemplate().ifPresent(probe -> {
                boolean matches = action.routes().stream().anyMatch(r -> {
                    String[] parts = r.split(" ", 2);
                    String pattern = parts[1].replaceAll("\\{[a-z_]+}", "[^/]+");
                    String probePath = probe.path().replaceAll("\\{[a-z_]+}", "x");
                    return parts[0].equals(probe.method()) && probePath.matches(pattern);
                });
                if (!matches) {
                    problems.add(action.name() + ": its probe " + probe.method() + " " + probe.path()
                            + " is not one of its routes " + action.routes());
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDriftCheckCatchesDrift() {
        // A wrong path, a wrong method, an undeclared query parameter, a body on a GET, and a body member the
        // request schema does not know are all reported.
        assertFalse(driftProblems(route("GET", "/api/v1/event_type", Map.of(), Map.of())).isEmpty());
        assertFalse(driftProblems(route("PATCH", "/api/v1/subscriptions/{subscription_id}", Map.of(), Map.of()))
                .isEmpty());
        assertFalse(driftProblems(route("GET", "/api/v1/events",
                Map.of("application_id", "application_id", "limit", "limit"), Map.of())).isEmpty());
        assertFalse(driftProblems(route("GET", "/api/v1/events", Map.of(), Map.of())).isEmpty(),
                "required application_id not bound");
        assertFalse(driftProblems(route("GET", "/api/v1/events/{id}", Map.of("application_id", "application_id"),
                Map.of())).isEmpty(), "path parameter renamed");
        assertFalse(driftProblems(route("POST", "/api/v1/event", Map.of(), Map.of("name", "event_name")))
                .isEmpty());
        assertFalse(driftProblems(route("POST", "/api/v1/applications", Map.of(), Map.of())).isEmpty(),
                "POST with a request body but none bound");
    }

    // ---- the check ----------------------------------------------------------------------------------------------

    static List<String> driftProblems(Route route) {
        List<String> problems = new ArrayList<>();
        if (!hook0.hasPath(route.path())) {
            problems.add(route + ": path not in Hook0's OpenAPI document");
            return problems;
        }
        Optional<Operation> found = hook0.operation(route.method(), route.path());
        if (found.isEmpty()) {
            problems.add(route + ": method not allowed; the document has " + hook0.methods(route.path()));
            return problems;
        }
        Operation op = found.get();
        Set<String> pathParams = new TreeSet<>();
        Set<String> queryParams = new TreeSet<>();
        Set<String> requiredQuery = new TreeSet<>();
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                pathParams.add(p.name());
            } else if (p.in().equals("query")) {
                queryParams.add(p.name());
                if (p.required()) {
                    requiredQuery.add(p.name());
                }
            }
        }
        if (!pathParams.equals(new TreeSet<>(route.pathParameters()))) {
            problems.add(route + ": path parameters " + route.pathParameters() + " but the operation has "
                    + pathParams);
        }
        for (String wire : route.query().values()) {
            if (!queryParams.contains(wire)) {
                problems.add(route + ": query parameter " + wire + " not declared; declared: " + queryParams);
            }
        }
        for (String wire : requiredQuery) {
            if (!route.query().containsValue(wire)) {
                problems.add(route + ": required query parameter " + wire + " is not bound");
            }
        }
        boolean hasRequestBody = op.body().isPresent();
        if (hasRequestBody != route.hasBody()) {
            problems.add(route + (hasRequestBody ? ": the operation takes a body but none is bound"
                    : ": the operation takes no body"));
        }
        if (hasRequestBody) {
            List<String> properties = op.body().get().properties();
            for (String member : route.body().values()) {
                if (!properties.contains(member)) {
                    problems.add(route + ": body member " + member + " not in the request schema; it has "
                            + properties);
                }
            }
        }
        return problems;
    }

    private static Route route(String method, String path, Map<String, String> query, Map<String, String> body) {
        return new Route(method, path, query, body);
    }
}
