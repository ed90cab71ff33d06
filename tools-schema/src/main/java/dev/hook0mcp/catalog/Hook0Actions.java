package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of Hook0 actions ({@code hook0-actions.json} on the classpath): the catalogue, the probes, the
 * read-only claim, the sandbox's authorizer and the tests all read it, so an action is described once.
 */
public final class Hook0Actions {

    public static final String RESOURCE = "hook0-actions.json";

    private static final Set<String> MEMBERS =
            Set.of("name", "routes", "scope", "read", "viewer", "probe", "inferred_from", "why_no_probe");
    private static final Set<String> PROBE_MEMBERS = Set.of("method", "path", "query", "body");
    private static volatile Hook0Actions standard;

    private final Map<String, Hook0Action> byName;
    private final List<String> publicRoutes;

    Hook0Actions(List<Hook0Action> actions, List<String> publicRoutes) {
        this.publicRoutes = List.copyOf(publicRoutes);
        Map<String, Hook0Action> index = new LinkedHashMap<>();
        for (Hook0Action a : actions) {
            if (index.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException(RESOURCE + ": duplicate action " + a.name());
            }
        }
        for (Hook0Action a : actions) {
            if (a.inferredFrom() != null && !index.containsKey(a.inferredFrom())) {
                throw new IllegalArgumentException(RESOURCE + ": " + a.name() + " is inferred from an unknown action "
                        + a.inferredFrom());
            }
            if (a.probe() == null && a.inferredFrom() == null) {
                throw new IllegalArgumentException(RESOURCE + ": " + a.name() + " has neither a probe nor inferred_from");
            }
        }
        this.byName = Collections.unmodifiableMap(index);
    }

    /** The table shipped on the classpath, loaded once. */
    public static Hook0Actions standard() {
        Hook0Actions loaded = standard;
        if (loaded == null) {
            synchronized (Hook0Actions.class) {
                loaded = standard;
                if (loaded == null) {
                    loaded = load();
                    standard = loaded;
                }
            }
        }
        return loaded;
    }

    private static Hook0Actions load() {
        try (InputStream in = Hook0Actions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Hook0Actions parse(JsonNode root) {
        JsonNode list = root.path("actions");
        if (!list.isArray()) {
            throw new IllegalArgumentException(RESOURCE + ": 'actions' must be an array");
        }
        List<String> publicRoutes = new java.util.ArrayList<>();
        root.path("public_routes").forEach(r -> publicRoutes.add(r.asText()));
        return new Hook0Actions(java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(Hook0Actions::action).toList(), publicRoutes);
    }

    private static Hook0Action action(JsonNode a) {
        String name = a.path("name").asText(null);
        if (name == null || !name.matches("[a-z_]+:[a-z_]+")) {
            throw new IllegalArgumentException(RESOURCE + ": every action needs a name resource:verb, not " + a.get("name"));
        }
        only(a, MEMBERS, name);
        JsonNode p = a.path("probe");
        ProbeTemplate probe = null;
        if (p.isObject()) {
            only(p, PROBE_MEMBERS, name + " probe");
            Map<String, String> query = new LinkedHashMap<>();
            p.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
            probe = new ProbeTemplate(p.path("method").asText(), p.path("path").asText(), query, p.get("body"));
        }
        if (!a.path("read").isBoolean() || !a.path("viewer").isBoolean()) {
            throw new IllegalArgumentException(RESOURCE + ": " + name + " needs boolean 'read' and 'viewer'");
        }
        List<String> routes = new java.util.ArrayList<>();
        a.path("routes").forEach(r -> routes.add(r.asText()));
        if (routes.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": " + name + " names no route");
        }
        return new Hook0Action(name, routes,
                Hook0Action.Scope.valueOf(a.path("scope").asText("").toUpperCase(Locale.ROOT)),
                a.get("read").asBoolean(), a.get("viewer").asBoolean(), probe,
                a.path("inferred_from").asText(null), a.path("why_no_probe").asText(null));
    }

    private static void only(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(RESOURCE + ": " + where + ": unknown member '" + field + "'");
            }
        }
    }

    public List<Hook0Action> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Hook0Action> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Hook0Action get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown Hook0 action " + name
                + " (see " + RESOURCE + ")"));
    }

    /** The action Hook0 authorizes {@code "METHOD /path"} with; empty for a public route or an unknown one. */
    public Optional<Hook0Action> forRoute(String methodAndPath) {
        return byName.values().stream().filter(a -> a.routes().contains(methodAndPath)).findFirst();
    }

    /** Routes Hook0 serves without authorization (e.g. {@code GET /api/v1/instance}). */
    public List<String> publicRoutes() {
        return publicRoutes;
    }

    /** The actions of Hook0's documented read-only claim: every read, in the table's order. */
    public List<String> readOnlyClaim() {
        return byName.values().stream().filter(Hook0Action::read).map(Hook0Action::name).toList();
    }

    /** The read-only claim as Hook0's documentation writes it, ready to paste as custom Datalog. */
    public String readOnlyClaimDatalog() {
        return allowListDatalog(readOnlyClaim());
    }

    /** {@code check if action($a), ["a", "b"].contains($a)}: the Datalog 3.3 array form of an allow-list. */
    public static String allowListDatalog(List<String> actions) {
        return "check if action($a), ["
                + actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))
                + "].contains($a)";
    }
}
