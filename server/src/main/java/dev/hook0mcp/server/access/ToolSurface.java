package dev.hook0mcp.server.access;

import dev.hook0mcp.server.json.JsonSchemas;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools one token gets: which are on, why each other one is off, and each tool's input schema as this
 * caller sees it (an argument the token fills in by default is no longer required).
 */
public final class ToolSurface {

    /** One decision about one catalogue tool. */
    public record Decision(ToolDefinition tool, boolean enabled, String reason) {}

    private final Map<String, Decision> decisions;
    private final TokenDefaults defaults;
    private final Map<String, ObjectNode> inputSchemas = new LinkedHashMap<>();
    private final Map<String, Schema> compiledInputSchemas = new ConcurrentHashMap<>();

    public ToolSurface(List<Decision> decisions, TokenDefaults defaults) {
        Map<String, Decision> byName = new LinkedHashMap<>();
        decisions.forEach(d -> byName.put(d.tool().name(), d));
        this.decisions = Collections.unmodifiableMap(byName);
        this.defaults = defaults;
        for (Decision d : decisions) {
            if (d.enabled()) {
                inputSchemas.put(d.tool().name(), effectiveInputSchema(d.tool(), defaults));
            }
        }
    }

    /** Every catalogue tool on, for the given reason. */
    public static ToolSurface all(ToolCatalog catalog, TokenDefaults defaults, String reason) {
        List<Decision> list = new ArrayList<>();
        catalog.tools().forEach(t -> list.add(new Decision(t, true, reason)));
        return new ToolSurface(list, defaults);
    }

    public List<ToolDefinition> enabled() {
        return decisions.values().stream().filter(Decision::enabled).map(Decision::tool).toList();
    }

    public List<String> enabledNames() {
        return enabled().stream().map(ToolDefinition::name).toList();
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions.values());
    }

    /** Whether this caller gets the tool. */
    public boolean isEnabled(String name) {
        Decision d = decisions.get(name);
        return d != null && d.enabled();
    }

    public Optional<Decision> decision(String name) {
        return Optional.ofNullable(decisions.get(name));
    }

    public TokenDefaults defaults() {
        return defaults;
    }

    /** The input schema of an enabled tool as this caller sees it (a copy). */
    public ObjectNode inputSchema(String name) {
        ObjectNode schema = inputSchemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("tool not enabled: " + name);
        }
        return schema.deepCopy();
    }

    /** The compiled validator of an enabled tool's input schema, built on its first call and kept. */
    public Schema compiledInputSchema(String name) {
        return compiledInputSchemas.computeIfAbsent(name, n -> JsonSchemas.compileForArguments(inputSchemas.get(n)));
    }

    /** The property names of an enabled tool's input schema, in order. */
    public List<String> argumentNames(String name) {
        List<String> names = new ArrayList<>();
        inputSchemas.get(name).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static ObjectNode effectiveInputSchema(ToolDefinition tool, TokenDefaults defaults) {
        ObjectNode schema = tool.inputSchema();
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : null;
        tool.binding().defaults().forEach((argument, source) -> defaults.lookup(source).ifPresent(value -> {
            if (required != null) {
                for (int i = required.size() - 1; i >= 0; i--) {
                    if (required.get(i).asText().equals(argument)) {
                        required.remove(i);
                    }
                }
            }
            ObjectNode property = (ObjectNode) schema.path("properties").get(argument);
            if (property != null) {
                String what = source.equals("token.application_id") ? "the token's application" : "the token's organization";
                String given = property.path("description").asText("").strip();
                String sentence = given.isEmpty() || given.endsWith(".") ? given : given + ".";
                // the value itself is in the server instructions and get_token_info
                property.put("description", (sentence + " Default: " + what + ".").strip());
            }
        }));
        if (required != null && required.isEmpty()) {
            schema.remove("required");
        }
        return schema;
    }
}
