package dev.hook0mcp.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled JSON Schema 2020-12 validators, built on first use (start-up does not need them) and cached per
 * schema. Shared by argument validation and the SDK's structured-output check.
 */
public final class JsonSchemas {

    private static final ConcurrentHashMap<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static volatile SchemaRegistry registry;

    private JsonSchemas() {}

    public static Schema compile(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema.toString(), key -> registry().getSchema(schema));
    }

    private static SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (JsonSchemas.class) {
                r = registry;
                if (r == null) {
                    r = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
                    registry = r;
                }
            }
        }
        return r;
    }
}
