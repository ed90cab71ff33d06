package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static dev.hook0mcp.catalog.CatalogFixtures.fieldNames;
import static dev.hook0mcp.catalog.CatalogFixtures.textList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What tools/list serves of each catalogue tool: smaller, still portable, and saying everything a caller needs. */
class ServedToolTest {

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void uuidArgumentsLoseTheirPatternButSayUuid(String name) {
        ObjectNode catalogue = catalog().get(name).inputSchema();
        ObjectNode served = ServedTool.inputSchema(catalogue);
        assertFalse(served.toString().contains(Uuids.SCHEMA_PATTERN), name);
        List<String> problems = new ArrayList<>();
        catalogue.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = p.getValue();
            boolean uuid = Uuids.SCHEMA_PATTERN.equals(property.path("pattern").asText())
                    || Uuids.SCHEMA_PATTERN.equals(property.path("items").path("pattern").asText());
            if (uuid && !property.path("description").asText().contains("UUID")) {
                problems.add(p.getKey() + ": a UUID argument served without its pattern must say UUID");
            }
        });
        assertEquals(List.of(), problems, name);
        assertEquals(List.of(), SchemaPortabilityTest.portabilityProblems(served), name);
        assertEquals(catalogue.path("required"), served.path("required"), name);
        assertEquals(catalogue.path("additionalProperties"), served.path("additionalProperties"), name);
    }

    @Test
    void otherPatternsAndLimitsAreServedAsTheyAre() {
        ObjectNode served = ServedTool.inputSchema(catalog().get("create_subscription").inputSchema());
        assertEquals("^[hH][tT][tT][pP][sS]?://", served.at("/properties/target/properties/url/pattern").asText());
        assertEquals(1000, served.at("/properties/target/properties/url/maxLength").asInt());
        assertEquals(10, served.at("/properties/labels/maxProperties").asInt());
        ObjectNode perDay = ServedTool.inputSchema(catalog().get("get_events_per_day").inputSchema());
        assertEquals("^\\d{4}-\\d{2}-\\d{2}$", perDay.at("/properties/from/pattern").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void outputsKeepTheRootsRequiredMembersAndTheirTypes(String name) {
        ObjectNode catalogue = catalog().get(name).outputSchema();
        ObjectNode served = ServedTool.outputSchema(catalogue);
        assertEquals("object", served.path("type").asText(), name + ": TS-SDK clients need a root object");
        List<String> required = textList(catalogue.get("required"));
        assertEquals(required, textList(served.get("required")), name);
        assertEquals(new TreeSet<>(required), new TreeSet<>(fieldNames(served.path("properties"))), name);
        for (String member : required) {
            assertEquals(catalogue.path("properties").path(member).path("type"),
                    served.path("properties").path(member).path("type"), name + "." + member);
        }
        assertEquals(List.of(), SchemaPortabilityTest.portabilityProblems(served), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void safetyHintsAreAlwaysWrittenOutAndIdempotentOnlyWhereItSaysSomething(String name) {
        ToolAnnotations a = catalog().get(name).annotations();
        ServedTool.Hints served = ServedTool.hints(a);
        assertEquals(a.readOnlyHint(), served.readOnlyHint(), name);
        assertEquals(a.destructiveHint(), served.destructiveHint(), name);
        assertEquals(a.openWorldHint(), served.openWorldHint(), name);
        if (!a.readOnlyHint() && a.idempotentHint()) {
            assertEquals(Boolean.TRUE, served.idempotentHint(), name + ": an idempotent write says so");
        } else {
            assertNull(served.idempotentHint(), name + ": MCP's default (false), or a read (where it means nothing)");
        }
    }

    @Test
    void theSchemasGivenAreLeftAsTheyWere() {
        ObjectNode input = catalog().get("get_subscription").inputSchema();
        ObjectNode output = catalog().get("get_subscription").outputSchema();
        String before = input.toString() + output;
        ServedTool.inputSchema(input);
        ServedTool.outputSchema(output);
        assertEquals(before, input.toString() + output);
    }
}
