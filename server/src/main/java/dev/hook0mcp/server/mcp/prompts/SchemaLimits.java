package dev.hook0mcp.server.mcp.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSON Schema limits of one property of a catalogue tool's input schema, so that a prompt states and enforces
 * what the tool itself accepts. A missing limit is a catalogue error, reported with the tool and the pointer.
 */
public record SchemaLimits(String where, JsonNode schema) {

    /** The schema at this JSON pointer (e.g. {@code /properties/name}) of the standard catalogue's tool. */
    public static SchemaLimits of(String tool, String pointer) {
        return new SchemaLimits(tool, ToolCatalog.standard().get(tool).inputSchema()).at(pointer);
    }

    /** The schema at this pointer below this one (e.g. {@code /items}). */
    public SchemaLimits at(String pointer) {
        JsonNode node = schema.at(pointer);
        if (!node.isObject()) {
            throw new IllegalStateException(where + pointer + ": no schema there");
        }
        return new SchemaLimits(where + pointer, node);
    }

    public int minLength() {
        return required("minLength");
    }

    public int maxLength() {
        return required("maxLength");
    }

    public int minItems() {
        return required("minItems");
    }

    public int maxItems() {
        return required("maxItems");
    }

    public int minProperties() {
        return required("minProperties");
    }

    public int maxProperties() {
        return required("maxProperties");
    }

    /** "min-max" of a string's length, as prompts write it (e.g. "2-50"). */
    public String lengths() {
        return range("minLength", "maxLength");
    }

    /** "min-max" of an array's items. */
    public String items() {
        return range("minItems", "maxItems");
    }

    /** "min-max" of an object's entries. */
    public String properties() {
        return range("minProperties", "maxProperties");
    }

    /** The allowed values of an enum, in the schema's order. */
    public List<String> enumValues() {
        JsonNode values = schema.path("enum");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException(where + ": no enum");
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    /** A limit the schema may leave out. */
    public OptionalInt optional(String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.canConvertToInt() ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
    }

    private String range(String min, String max) {
        return required(min) + "-" + required(max);
    }

    private int required(String keyword) {
        return optional(keyword).orElseThrow(() -> new IllegalStateException(where + ": no " + keyword));
    }
}
