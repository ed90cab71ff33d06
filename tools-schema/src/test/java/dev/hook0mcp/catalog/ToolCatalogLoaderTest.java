package dev.hook0mcp.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader: what the server gets from {@link ToolCatalog#standard()}, and what it refuses to load. */
class ToolCatalogLoaderTest {

    @Test
    void standardLoadsEveryListedToolOnce() {
        ToolCatalog catalog = ToolCatalog.standard();
        assertEquals(ToolCatalog.readIndex(getClass().getClassLoader()).size(), catalog.size());
        assertSame(catalog, ToolCatalog.standard(), "loaded once");
        assertEquals("list_organizations", catalog.tools().get(0).name());
        assertTrue(catalog.find("ingest_event").isPresent());
        assertTrue(catalog.find("no_such_tool").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> catalog.get("no_such_tool"));
    }

    @Test
    void aFileReadsAsTheRecords() {
        ToolDefinition t = ToolCatalog.standard().get("list_request_attempts");
        assertEquals("List delivery attempts", t.title());
        assertEquals("request_attempt:list", t.action());
        assertEquals(ToolScope.APPLICATION, t.scope());
        assertEquals("deliveries", t.toolset());
        assertEquals(Binding.Kind.HTTP, t.binding().kind());
        assertNull(t.binding().handler());
        Route route = t.binding().route();
        assertEquals("GET", route.method());
        assertEquals("/api/v1/request_attempts", route.path());
        assertEquals("pagination_cursor", route.query().get("cursor"));
        assertEquals("token.application_id", t.binding().defaults().get("application_id"));
        assertEquals(ResultShape.Shape.LIST, t.result().shape());
        assertTrue(t.result().paginated());
        assertTrue(t.isRead());
        assertEquals(List.of("application_id", "event_id", "subscription_id", "event_type_names", "min_created_at",
                "max_created_at", "cursor"), t.argumentNames());
    }

    @Test
    void schemasHandedOutAreCopies() {
        ToolDefinition t = ToolCatalog.standard().get("create_subscription");
        ObjectNode input = t.inputSchema();
        input.put("additionalProperties", true);
        ((ObjectNode) input.get("properties")).remove("labels");
        t.outputSchema().put("type", "array");
        assertEquals(false, t.inputSchema().get("additionalProperties").booleanValue());
        assertTrue(t.inputSchema().path("properties").has("labels"));
        assertEquals("object", t.outputSchema().get("type").asText());
        assertTrue(ToolCatalog.standard().get("create_subscription").inputSchema().path("properties").has("labels"));
    }

    @Test
    void collectionsAreUnmodifiable() {
        ToolCatalog catalog = ToolCatalog.standard();
        ToolDefinition t = catalog.get("update_subscription");
        assertThrows(UnsupportedOperationException.class, () -> catalog.tools().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> t.binding().routes().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> t.binding().defaults().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> t.binding().routes().get(1).body().clear());
        assertThrows(UnsupportedOperationException.class, () -> t.binding().routes().get(0).query().put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> t.result().redact().add("payload"));
        assertThrows(UnsupportedOperationException.class, () -> t.result().untrusted().add("payload"));
    }

    @Test
    void parseRejectsUnknownMembers() {
        ObjectNode file = raw("get_event.json");
        file.put("inputschema", "typo");
        var e = assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(file, "get_event.json"));
        assertTrue(e.getMessage().contains("inputschema"), e.getMessage());

        ObjectNode route = raw("get_event.json");
        ((ObjectNode) route.at("/binding/routes/0")).put("headers", "x");
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(route, "get_event.json"));
    }

    @Test
    void parseRejectsMalformedFiles() {
        ObjectNode missingAnnotation = raw("get_event.json");
        ((ObjectNode) missingAnnotation.get("annotations")).remove("openWorldHint");
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(missingAnnotation, "f"));

        ObjectNode twoRoutes = raw("get_event.json");
        ((com.fasterxml.jackson.databind.node.ArrayNode) twoRoutes.at("/binding/routes"))
                .add(twoRoutes.at("/binding/routes/0").deepCopy());
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(twoRoutes, "f"),
                "an http binding has exactly one route");

        ObjectNode badKind = raw("get_event.json");
        ((ObjectNode) badKind.get("binding")).put("kind", "grpc");
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(badKind, "f"));

        ObjectNode nonStringQuery = raw("get_event.json");
        ((ObjectNode) nonStringQuery.at("/binding/routes/0/query")).put("application_id", 1);
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(nonStringQuery, "f"));

        ObjectNode stringBoolean = raw("get_event.json");
        ((ObjectNode) stringBoolean.get("result")).put("decodePayload", "true");
        assertThrows(IllegalArgumentException.class, () -> ToolCatalog.parse(stringBoolean, "f"));
    }

    private static ObjectNode raw(String file) {
        JsonNode node = CatalogFixtures.rawFile(file);
        return (ObjectNode) node.deepCopy();
    }
}
