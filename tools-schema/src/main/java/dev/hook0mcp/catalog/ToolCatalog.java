package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tool catalogue: one JSON file per tool under {@code hook0-tools/} on the classpath, listed in
 * {@code hook0-tools/tools.list} (whose order is the order of {@code tools/list}). See tools-schema/README.md for
 * the file format.
 */
public final class ToolCatalog {

    public static final String DIRECTORY = "hook0-tools/";
    public static final String INDEX = DIRECTORY + "tools.list";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ToolCatalog standard;

    private final List<ToolDefinition> tools;
    private final Map<String, ToolDefinition> byName;

    public ToolCatalog(List<ToolDefinition> tools) {
        Map<String, ToolDefinition> index = new LinkedHashMap<>();
        for (ToolDefinition tool : tools) {
            if (index.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("duplicate tool name: " + tool.name());
            }
        }
        this.tools = List.copyOf(tools);
        this.byName = Collections.unmodifiableMap(index);
    }

    /** The catalogue shipped on the classpath, loaded once. */
    public static ToolCatalog standard() {
        ToolCatalog loaded = standard;
        if (loaded == null) {
            synchronized (ToolCatalog.class) {
                loaded = standard;
                if (loaded == null) {
                    loaded = loadFromClasspath(ToolCatalog.class.getClassLoader());
                    standard = loaded;
                }
            }
        }
        return loaded;
    }

    public static ToolCatalog loadFromClasspath(ClassLoader loader) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (String file : readIndex(loader)) {
            try (InputStream in = loader.getResourceAsStream(DIRECTORY + file)) {
                if (in == null) {
                    throw new IllegalStateException("tools.list names a missing file: " + file);
                }
                tools.add(parse(JSON.readTree(in), file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new ToolCatalog(tools);
    }

    /** The file names listed in {@code tools.list}, blank lines and {@code #} comments skipped. */
    public static List<String> readIndex(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no " + INDEX + " on the classpath");
            }
            List<String> files = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    files.add(trimmed);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ToolDefinition> tools() {
        return tools;
    }

    public Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ToolDefinition get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no tool named " + name));
    }

    public int size() {
        return tools.size();
    }

    // ---- parsing one file ------------------------------------------------------------------------------------

    private static final Set<String> TOOL_MEMBERS = Set.of(
            "name", "title", "description", "toolset", "action", "annotations", "binding", "result",
            "inputSchema", "outputSchema", "auditOmit");
    private static final Set<String> ANNOTATION_MEMBERS =
            Set.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint");
    private static final Set<String> BINDING_MEMBERS = Set.of("kind", "handler", "routes", "defaults");
    private static final Set<String> ROUTE_MEMBERS = Set.of("method", "path", "query", "body");
    private static final Set<String> RESULT_MEMBERS =
            Set.of("shape", "confirmation", "redact", "untrusted", "decodePayload", "paginated");

    /** Parses one catalogue file; unknown or missing members are errors naming the file. */
    public static ToolDefinition parse(JsonNode root, String file) {
        onlyMembers(root, TOOL_MEMBERS, file);
        JsonNode a = required(root, "annotations", file);
        onlyMembers(a, ANNOTATION_MEMBERS, file + " annotations");
        ToolAnnotations annotations = new ToolAnnotations(
                bool(a, "readOnlyHint", file),
                bool(a, "destructiveHint", file),
                bool(a, "idempotentHint", file),
                bool(a, "openWorldHint", file));
        JsonNode input = required(root, "inputSchema", file);
        JsonNode output = required(root, "outputSchema", file);
        if (!input.isObject() || !output.isObject()) {
            throw new IllegalArgumentException(file + ": inputSchema and outputSchema must be objects");
        }
        JsonNode actionNode = root.path("action");
        String action = actionNode.isNull() || actionNode.isMissingNode() ? null : actionNode.asText();
        return new ToolDefinition(
                text(root, "name", file),
                text(root, "title", file),
                text(root, "description", file),
                annotations,
                action,
                scopeOf(action, file),
                text(root, "toolset", file),
                parseBinding(required(root, "binding", file), file),
                parseResult(required(root, "result", file), file),
                (ObjectNode) input,
                (ObjectNode) output,
                stringList(root.path("auditOmit"), file));
    }

    /** A tool's scope is its action's: Hook0's table says which actions are authorized against one application. */
    private static ToolScope scopeOf(String action, String file) {
        if (action == null) {
            return ToolScope.NONE;
        }
        Hook0Action known = Hook0Actions.standard().find(action).orElseThrow(() -> new IllegalArgumentException(
                file + ": unknown Hook0 action '" + action + "' (the actions are listed in " + Hook0Actions.RESOURCE + ")"));
        return known.isApplicationScoped() ? ToolScope.APPLICATION : ToolScope.ORGANIZATION;
    }

    private static Binding parseBinding(JsonNode b, String file) {
        onlyMembers(b, BINDING_MEMBERS, file + " binding");
        List<Route> routes = new ArrayList<>();
        for (JsonNode r : required(b, "routes", file)) {
            onlyMembers(r, ROUTE_MEMBERS, file + " route");
            routes.add(new Route(
                    text(r, "method", file).toUpperCase(Locale.ROOT),
                    text(r, "path", file),
                    stringMap(r.path("query"), file),
                    stringMap(r.path("body"), file)));
        }
        JsonNode handler = b.path("handler");
        Binding.Kind kind = Binding.Kind.valueOf(text(b, "kind", file).toUpperCase(Locale.ROOT));
        if (kind == Binding.Kind.HTTP && routes.size() != 1) {
            throw new IllegalArgumentException(file + ": an http binding has exactly one route");
        }
        return new Binding(
                kind,
                handler.isTextual() ? handler.asText() : null,
                routes,
                stringMap(b.path("defaults"), file));
    }

    private static ResultShape parseResult(JsonNode r, String file) {
        onlyMembers(r, RESULT_MEMBERS, file + " result");
        JsonNode confirmation = r.path("confirmation");
        return new ResultShape(
                ResultShape.Shape.valueOf(text(r, "shape", file).toUpperCase(Locale.ROOT)),
                confirmation.isTextual() ? confirmation.asText() : null,
                stringList(r.path("redact"), file),
                stringList(r.path("untrusted"), file),
                optionalBool(r, "decodePayload", file),
                optionalBool(r, "paginated", file));
    }

    private static void onlyMembers(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown member '" + field + "'");
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": missing '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(file + ": '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(file + ": '" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static Map<String, String> stringMap(JsonNode node, String file) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object of strings");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": '" + e.getKey() + "' must map to a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }

    private static List<String> stringList(JsonNode node, String file) {
        List<String> list = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(file + ": expected an array of strings");
        }
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(file + ": expected an array of strings");
            }
            list.add(v.asText());
        }
        return list;
    }

    private static boolean optionalBool(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(file + ": '" + field + "' must be true or false");
        }
        return value.asBoolean();
    }
}
