package dev.hook0mcp.server.engine;

import dev.hook0mcp.catalog.Uuids;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.json.JsonSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a tool's arguments against its input schema before anything is sent: unknown arguments first (with the
 * list of accepted ones), then every JSON Schema rule, each problem naming its argument.
 */
public final class ArgumentValidator {


    /** Checks arguments against a JSON Schema given as is (compiled and cached by its text). */
    public void validate(ObjectNode inputSchema, ObjectNode arguments) {
        List<String> names = new ArrayList<>();
        inputSchema.path("properties").fieldNames().forEachRemaining(names::add);
        validate(names, JsonSchemas.compileForArguments(inputSchema), inputSchema, arguments);
    }

    /** Checks arguments against a tool's input schema as this caller sees it (compiled once per surface). */
    void validate(ToolSurface surface, String tool, ObjectNode arguments) {
        validate(surface.argumentNames(tool), surface.compiledInputSchema(tool), surface.inputSchema(tool), arguments);
    }

    private static void validate(List<String> known, Schema schema, ObjectNode schemaText, ObjectNode arguments) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add("unknown argument '" + name + "' (accepted: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
        unpairedSurrogates("", arguments, problems);
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
        for (Error error : schema.validate(arguments)) {
            problems.add(describe(error));
        }
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
        backwardsRanges(arguments, problems);
        impossibleDays(schemaText, arguments, problems);
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
    }

    /**
     * A {@code min_X} after its {@code max_X} (date-times, once they are known to be valid) selects nothing: Hook0
     * would answer an empty list, which reads as "there is none" rather than "the range is backwards".
     */
    private static void backwardsRanges(ObjectNode arguments, List<String> problems) {
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String min = it.next();
            String max = min.startsWith("min_") ? "max_" + min.substring(4) : null;
            if (max == null || !arguments.path(min).isTextual() || !arguments.path(max).isTextual()) {
                continue;
            }
            try {
                Instant from = OffsetDateTime.parse(arguments.get(min).asText()).toInstant();
                Instant to = OffsetDateTime.parse(arguments.get(max).asText()).toInstant();
                if (from.isAfter(to)) {
                    problems.add("argument '" + min + "' (" + from + ") is after '" + max + "' (" + to
                            + "): nothing lies between; swap them");
                }
            } catch (DateTimeParseException notDates) {
                // not a date-time range: the schema decides about such values
            }
        }
    }

    /**
     * The pattern of the per-day tools' {@code from} and {@code to} in the catalogue: a pattern, not
     * {@code "format":"date"}, because the Gemini API refuses any string format but date-time
     * (reference/mcp-clients-and-spec.md §4), so the calendar check is made here.
     */
    static final String DAY_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

    /**
     * An argument whose schema pattern is {@link #DAY_PATTERN} must be a day of the calendar: 2026-13-45 matches
     * the pattern and is not one. Other strings shaped like a day (an application named 2026-02-30) are text.
     */
    private static void impossibleDays(ObjectNode schema, ObjectNode arguments, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = arguments.get(property.getKey());
            if (value == null || !value.isTextual() || !DAY_PATTERN.equals(property.getValue().path("pattern").asText())) {
                continue;
            }
            try {
                LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                problems.add("argument '" + property.getKey() + "': " + value.asText()
                        + " is not a day of the calendar (YYYY-MM-DD)");
            }
        }
    }

    /**
     * Text that is not valid UTF-16 (a lone surrogate such as JSON {@code "\\ud800"}) cannot be sent as UTF-8: it
     * would reach Hook0 as {@code ?}. Every string, key or value, at any depth, is checked.
     */
    private static void unpairedSurrogates(String path, JsonNode node, List<String> problems) {
        if (node.isTextual()) {
            int at = unpairedSurrogateAt(node.textValue());
            if (at >= 0) {
                problems.add("argument '" + path + "': " + surrogateProblem(node.textValue(), at));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                int at = unpairedSurrogateAt(field.getKey());
                if (at >= 0) {
                    problems.add("argument '" + (path.isEmpty() ? "" : path + ".") + "…': a key "
                            + surrogateProblem(field.getKey(), at));
                    continue;
                }
                unpairedSurrogates(child, field.getValue(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unpairedSurrogates(path + "[" + i + "]", node.get(i), problems);
            }
        }
    }

    private static String surrogateProblem(String text, int at) {
        return String.format("contains an unpaired UTF-16 surrogate (\\u%04x at character %d), which is not valid "
                + "Unicode text; send the intended character (a surrogate pair) or remove it", (int) text.charAt(at), at);
    }

    /** Index of the first surrogate without its partner, or -1. */
    static int unpairedSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String argument = argumentName(location);
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            String parent = argument.isEmpty() ? "" : argument + ".";
            return "missing required argument '" + parent + error.getProperty() + "'";
        }
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        if (argument.isEmpty()) {
            return message;
        }
        if ("pattern".equals(error.getKeyword()) && String.valueOf(error.getSchemaNode()).contains(Uuids.SCHEMA_PATTERN)) {
            message = "must be a UUID such as " + Uuids.EXAMPLE;
        }
        return "argument '" + argument + "': " + message;
    }

    /** "/target/method" (JSON pointer) or "$.target.method" → "target.method"; the root → "". */
    static String argumentName(String location) {
        String name = location.startsWith("$") ? location.substring(1) : location;
        name = name.replace('/', '.');
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name;
    }
}
