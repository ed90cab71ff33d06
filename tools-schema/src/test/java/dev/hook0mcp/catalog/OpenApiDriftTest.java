package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.fieldNames;
import static dev.hook0mcp.catalog.CatalogFixtures.textList;
import static dev.hook0mcp.catalog.CatalogFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drift check: every route of every tool (composites included) is checked against Hook0's OpenAPI document
 * (shared/hook0/openapi.snapshot.json), so the catalogue cannot silently drift from the API.
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
            Map.of("ingest_event", Set.of("payload", "payload_content_type", "occurred_at"));

    private static JsonNode openApi;
    /** OpenAPI path items by path without trailing slash (the snapshot spells collections with one). */
    private static Map<String, JsonNode> pathItems;

    @BeforeAll
    static void loadOpenApi() {
        openApi = CatalogFixtures.openApi();
        pathItems = new HashMap<>();
        openApi.path("paths").fields().forEachRemaining(e -> pathItems.put(stripSlash(e.getKey()), e.getValue()));
        assertFalse(pathItems.isEmpty(), "the OpenAPI document has no paths");
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
            JsonNode op = operation(route);
            if (op == null) {
                continue; // reported by everyRouteMatchesHook0sOpenApi
            }
            // A required query parameter must come from a required argument (which may be defaulted).
            for (JsonNode p : parameters(route, op)) {
                if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)) {
                    String wire = p.path("name").asText();
                    route.query().forEach((arg, w) -> {
                        if (w.equals(wire) && !required.contains(arg)) {
                            problems.add(route + ": argument " + arg + " feeds required query " + wire
                                    + " so it must be required");
                        }
                    });
                }
            }
            // A required body member must be bound, from a required argument unless the server fills it in.
            JsonNode body = requestBodySchema(op);
            for (String member : textList(body.get("required"))) {
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
                if (operation(route(parts[0], parts[1], Map.of(), Map.of())) == null) {
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
        JsonNode item = pathItems.get(stripSlash(route.path()));
        if (item == null) {
            problems.add(route + ": path not in Hook0's OpenAPI document");
            return problems;
        }
        JsonNode op = item.get(route.method().toLowerCase(Locale.ROOT));
        if (op == null) {
            problems.add(route + ": method not allowed; the document has " + fieldNames(item));
            return problems;
        }
        Set<String> pathParams = new TreeSet<>();
        Set<String> queryParams = new TreeSet<>();
        Set<String> requiredQuery = new TreeSet<>();
        for (JsonNode p : parameters(route, op)) {
            String in = p.path("in").asText();
            if (in.equals("path")) {
                pathParams.add(p.path("name").asText());
            } else if (in.equals("query")) {
                queryParams.add(p.path("name").asText());
                if (p.path("required").asBoolean(false)) {
                    requiredQuery.add(p.path("name").asText());
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
        boolean hasRequestBody = op.has("requestBody");
        if (hasRequestBody != route.hasBody()) {
            problems.add(route + (hasRequestBody ? ": the operation takes a body but none is bound"
                    : ": the operation takes no body"));
        }
        if (hasRequestBody) {
            JsonNode properties = requestBodySchema(op).path("properties");
            for (String member : route.body().values()) {
                if (!properties.has(member)) {
                    problems.add(route + ": body member " + member + " not in the request schema; it has "
                            + fieldNames(properties));
                }
            }
        }
        return problems;
    }

    private static JsonNode operation(Route route) {
        JsonNode item = pathItems.get(stripSlash(route.path()));
        return item == null ? null : item.get(route.method().toLowerCase(Locale.ROOT));
    }

    /** Parameters declared on the operation and on its path item. */
    private static List<JsonNode> parameters(Route route, JsonNode op) {
        List<JsonNode> all = new ArrayList<>();
        pathItems.get(stripSlash(route.path())).path("parameters").forEach(p -> all.add(resolve(p)));
        op.path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    /** The request body's JSON schema with its $ref resolved into components/schemas. */
    private static JsonNode requestBodySchema(JsonNode op) {
        JsonNode body = resolve(op.path("requestBody"));
        return resolve(body.path("content").path("application/json").path("schema"));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref in the OpenAPI document: " + ref);
            }
            current = openApi.at(ref.substring(1));
        }
        return current;
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static Route route(String method, String path, Map<String, String> query, Map<String, String> body) {
        return new Route(method, path, query, body);
    }
}
