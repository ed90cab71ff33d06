package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.json.JsonSchemas;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's schema checks, on our shared compiled schemas. Structured results are still checked against each
 * tool's output schema (compiled on the tool's first call). The SDK's start-up check of every tool schema against
 * the 2020-12 meta-schema is skipped: the catalogue's own build already validates every schema with the same
 * validator, and repeating it on every launch costs a fifth of a second of start-up.
 */
final class CatalogSchemaValidator implements JsonSchemaValidator {

    /** The SDK hands over the same schema map on every call of a tool: compile it once, not once per call. */
    private final Map<Map<String, Object>, Schema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        JsonNode content = structuredContent instanceof JsonNode node ? node : Json.MAPPER.valueToTree(structuredContent);
        Schema validator = compiled.computeIfAbsent(schema, s -> JsonSchemas.compile(Json.MAPPER.valueToTree(s)));
        List<Error> errors = validator.validate(content);
        // The SDK reads the serialised form only for a result without content; ours always carry their text
        // (McpTools.toResult), so serialising the result a second time on every call would be wasted.
        return errors.isEmpty()
                ? ValidationResponse.asValid(null)
                : ValidationResponse.asInvalid("structured result does not match the output schema: " + errors);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
