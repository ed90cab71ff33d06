package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The real JSON Schema 2020-12 validator (com.networknt:json-schema-validator 2.0.x, the one the MCP Java SDK
 * ships with): the meta-schema check and instance validation the tests use.
 */
final class JsonSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** The 2020-12 meta-schema, loaded from the validator's own bundled copy (no network). */
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private JsonSchemas() {}

    /** Errors of {@code schema} against the JSON Schema 2020-12 meta-schema; empty when it is a valid schema. */
    static List<String> metaSchemaErrors(JsonNode schema) {
        return messages(META_SCHEMA.validate(schema));
    }

    /** Errors of {@code instance} against {@code schema}; empty when the instance conforms. */
    static List<String> validate(JsonNode schema, JsonNode instance) {
        return messages(REGISTRY.getSchema(schema).validate(instance));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
