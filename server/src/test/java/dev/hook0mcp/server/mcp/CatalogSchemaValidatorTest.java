package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSchemaValidatorTest {

    private final CatalogSchemaValidator validator = new CatalogSchemaValidator();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputSchema(String tool) {
        return Json.MAPPER.convertValue(ToolCatalog.standard().get(tool).outputSchema(), Map.class);
    }

    @Test
    void structuredResultsAreStillCheckedAgainstTheOutputSchema() {
        Map<String, Object> schema = outputSchema("list_events");
        assertTrue(validator.validate(schema, Map.of("items", List.of(), "count", 0)).valid());
        var wrong = validator.validate(schema, Map.of("items", "not a list", "count", 0));
        assertFalse(wrong.valid());
        assertTrue(wrong.errorMessage().contains("output schema"), wrong.errorMessage());
        assertFalse(validator.validate(schema, Map.of("count", 0)).valid(), "items is required");
    }
}
