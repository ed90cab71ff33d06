package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only what every MCP client accepts (reference/mcp-clients-and-spec.md §4): Gemini rejects $ref/$defs, type
 * arrays and formats other than date-time; the Anthropic API rejects root combinators; TS-SDK clients reject an
 * outputSchema without root "type":"object". Every schema is walked recursively.
 */
class SchemaPortabilityTest {

    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
    private static final Set<String> FORBIDDEN = Set.of(
            "$ref", "$defs", "definitions", "$dynamicRef", "$anchor", "oneOf", "anyOf", "allOf", "not",
            "if", "then", "else", "dependentSchemas", "patternProperties", "propertyNames", "const");
    /** Every keyword used in the catalogue; anything else is a typo (e.g. "maxlength") or a portability risk. */
    private static final Set<String> KNOWN_KEYWORDS = Set.of(
            "type", "properties", "required", "additionalProperties", "description", "enum", "format", "pattern",
            "minLength", "maxLength", "minimum", "maximum", "items", "minItems", "maxItems", "minProperties", "maxProperties");

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void inputSchemaIsPortableAndClosed(String name) {
        ObjectNode schema = catalog().get(name).inputSchema();
        List<String> problems = portabilityProblems(schema);
        assertEquals("object", schema.path("type").asText(), name + ": input root type object");
        assertTrue(schema.path("properties").isObject(), name + ": input root has properties (even if empty)");
        assertTrue(schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue(), name + ": input root additionalProperties false");
        CatalogFixtures.walkSchemas(schema, (pointer, node) -> {
            // An input object with declared members is closed: unknown arguments are refused, not forwarded.
            if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
                problems.add(pointer + ": an object with properties must say \"additionalProperties\": false");
            }
            if (node.has("properties") && node.path("additionalProperties").asBoolean(false)) {
                problems.add(pointer + ": additionalProperties must be false");
            }
        });
        assertTrue(problems.isEmpty(), name + " inputSchema:\n" + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void outputSchemaIsPortableAndOpen(String name) {
        ObjectNode schema = catalog().get(name).outputSchema();
        List<String> problems = portabilityProblems(schema);
        assertEquals("object", schema.path("type").asText(), name + ": output root type object");
        CatalogFixtures.walkSchemas(schema, (pointer, node) -> {
            if (node.has("additionalProperties")) {
                problems.add(pointer + ": outputs stay open (omit additionalProperties): Hook0 may add fields");
            }
            if (node.has("enum")) {
                problems.add(pointer + ": no enum on outputs (Hook0's real values differ from its docs, "
                        + "e.g. \"inprogress\")");
            }
        });
        assertTrue(problems.isEmpty(), name + " outputSchema:\n" + String.join("\n", problems));
    }

    /** Rules shared by input and output schemas. */
    static List<String> portabilityProblems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        for (String[] key : CatalogFixtures.allKeys(root)) {
            // Member names inside "properties" are argument names, not keywords.
            if (key[0].endsWith("/properties")) {
                continue;
            }
            if (FORBIDDEN.contains(key[1])) {
                problems.add(key[0] + ": forbidden keyword " + key[1]);
            }
        }
        CatalogFixtures.walkSchemas(root, (pointer, node) -> {
            if (!node.isObject()) {
                problems.add(pointer + ": a schema must be an object");
                return;
            }
            JsonNode type = node.get("type");
            if (type == null) {
                problems.add(pointer + ": every schema has a type");
            } else if (!type.isTextual() || !TYPES.contains(type.asText())) {
                problems.add(pointer + ": type must be one string of " + TYPES + ", was " + type);
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!KNOWN_KEYWORDS.contains(k)) {
                    problems.add(pointer + ": unexpected keyword " + k);
                }
            });
            if (node.has("format") && !"date-time".equals(node.get("format").asText())) {
                problems.add(pointer + ": format other than date-time: " + node.get("format"));
            }
            if (node.has("format") && !"string".equals(node.path("type").asText())) {
                problems.add(pointer + ": format on a non-string");
            }
            JsonNode required = node.get("required");
            if (required != null) {
                if (!required.isArray()) {
                    problems.add(pointer + ": required must be an array");
                } else {
                    for (JsonNode r : required) {
                        if (!node.path("properties").has(r.asText())) {
                            problems.add(pointer + ": required names a missing property " + r);
                        }
                    }
                }
            }
            if (node.has("properties") && !"object".equals(node.path("type").asText())) {
                problems.add(pointer + ": properties on a non-object");
            }
            if (node.has("items") && !"array".equals(node.path("type").asText())) {
                problems.add(pointer + ": items on a non-array");
            }
            if (node.has("enum")) {
                for (JsonNode value : node.get("enum")) {
                    if (!value.isTextual() || !"string".equals(node.path("type").asText())) {
                        problems.add(pointer + ": enums are enums of strings");
                    }
                }
            }
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && !additional.isBoolean() && !additional.isObject()) {
                problems.add(pointer + ": additionalProperties is false or a schema");
            }
        });
        return problems;
    }
}
