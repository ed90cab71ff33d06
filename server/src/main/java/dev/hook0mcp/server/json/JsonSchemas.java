package dev.hook0mcp.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.hook0mcp.catalog.Uuids;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled JSON Schema 2020-12 validators, built on first use (start-up does not need them) and cached per
 * schema. Shared by argument validation and the SDK's structured-output check.
 */
public final class JsonSchemas {

    private static final ConcurrentHashMap<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Schema> COMPILED_FOR_ARGUMENTS = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /**
     * Sets the validator up: its registry, and one schema with the catalogue's keywords compiled and run. Only a
     * head start for a server's first call ({@code mcp.FirstCallPreparation}); what goes wrong here is left for
     * that call to report.
     *
     * @return whether the sample was compiled and accepted (false: the set-up ran into a problem)
     */
    public static boolean prepare() {
        try {
            JsonNode schema = Json.MAPPER.readTree("{\"type\":\"object\",\"additionalProperties\":false,"
                    + "\"required\":[\"id\"],\"properties\":{"
                    + "\"id\":{\"type\":\"string\",\"pattern\":" + Json.MAPPER.writeValueAsString(Uuids.SCHEMA_PATTERN)
                    + ",\"minLength\":1,\"maxLength\":36},"
                    + "\"at\":{\"type\":[\"string\",\"null\"],\"format\":\"date-time\"},"
                    + "\"tags\":{\"type\":\"array\",\"minItems\":1,\"maxItems\":2,"
                    + "\"items\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}},"
                    + "\"labels\":{\"type\":\"object\",\"minProperties\":1,\"maxProperties\":2,"
                    + "\"additionalProperties\":{\"type\":\"integer\"}}}}");
            JsonNode instance = Json.MAPPER.readTree("{\"id\":\"" + Uuids.EXAMPLE + "\",\"at\":\"2026-12-02T04:29:07Z\","
                    + "\"tags\":[\"a\"],\"labels\":{\"x\":1}}");
            return argumentRegistry().getSchema(schema).validate(instance).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false; // the first call sets the validator up itself and reports what goes wrong
        }
    }

    /** For results (structured output): {@code format} is an annotation, as 2020-12 has it by default. */
    public static Schema compile(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema.toString(), key -> registry().getSchema(schema));
    }

    /**
     * For arguments: {@code format} is also checked ({@code "date-time"} must be RFC 3339, with its offset), so a
     * malformed date is refused naming its argument instead of reaching Hook0 as a 400 "Query deserialize error".
     * Results keep {@link #compile}: what Hook0 answers is shown as it is.
     */
    public static Schema compileForArguments(JsonNode schema) {
        return COMPILED_FOR_ARGUMENTS.computeIfAbsent(schema.toString(), key -> argumentRegistry().getSchema(schema));
    }

    private static SchemaRegistry argumentRegistry() {
        return ArgumentRegistry.INSTANCE;
    }

    private static SchemaRegistry registry() {
        return ResultRegistry.INSTANCE;
    }

    /** Made on first use (the JVM initialises a holder class once, when it is first read). */
    private static final class ResultRegistry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    }

    private static final class ArgumentRegistry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }
}
