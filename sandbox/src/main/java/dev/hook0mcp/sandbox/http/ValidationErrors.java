package dev.hook0mcp.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Collects field errors like the {@code validator} crate and serializes them the way Hook0 returns them
 * in a 422 problem: {@code {"field":[{"code":…,"message":…,"params":{…}}], "nested":{"field":[…]}}}.
 */
public final class ValidationErrors {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode errors = JSON.objectNode();
    private final List<String> summary = new ArrayList<>();

    /** Length in characters, inclusive bounds; {@code null} skips the check (an absent optional field). */
    public ValidationErrors length(String field, String value, int min, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length < min || length > max) {
                add(field, "length", "length must be between " + min + " and " + max,
                        Map.of("min", min, "max", max, "value", value));
            }
        }
        return this;
    }

    public ValidationErrors maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(field, "length", "length must be at most " + max, Map.of("max", max));
        }
        return this;
    }

    public ValidationErrors noControlCharacters(String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            add(field, "non_control_character", "must not contain control characters", Map.of("value", value));
        }
        return this;
    }

    public ValidationErrors listSize(String field, List<String> list, int min, int max) {
        if (list != null && (list.size() < min || list.size() > max)) {
            add(field, "length", "must have between " + min + " and " + max + " items",
                    Map.of("min", min, "max", max));
        }
        return this;
    }

    public ValidationErrors eachLength(String field, List<String> list, int min, int max) {
        if (list != null) {
            for (String item : list) {
                if (item.codePointCount(0, item.length()) < min || item.codePointCount(0, item.length()) > max) {
                    add(field, "length", "every item must have between " + min + " and " + max + " characters",
                            Map.of("min", min, "max", max, "value", item));
                    break;
                }
            }
        }
        return this;
    }

    /** A string map: entry count, then key and value lengths. */
    public ValidationErrors map(String field, Map<String, String> map, int minEntries, int maxEntries,
                                int minLength, int maxLength) {
        if (map == null) {
            return this;
        }
        if (map.size() < minEntries || map.size() > maxEntries) {
            add(field, "map_size", "must have between " + minEntries + " and " + maxEntries + " entries",
                    Map.of("min", minEntries, "max", maxEntries));
            return this;
        }
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (outside(entry.getKey(), minLength, maxLength) || outside(entry.getValue(), minLength, maxLength)) {
                add(field, "map_entry_length", "keys and values must have between " + minLength + " and "
                        + maxLength + " characters", Map.of("min", minLength, "max", maxLength, "key", entry.getKey()));
                break;
            }
        }
        return this;
    }

    public ValidationErrors custom(String field, String code, String message, Map<String, Object> params) {
        add(field, code, message, params);
        return this;
    }

    /** Errors of a nested struct, under its field name. */
    public ValidationErrors nested(String field, ValidationErrors inner) {
        if (!inner.isEmpty()) {
            errors.set(field, inner.errors);
            inner.summary.forEach(s -> summary.add(field + "." + s));
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the 422 problem when anything failed. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ProblemException(Problem.validation(String.join("\n", summary), errors));
        }
    }

    private static boolean outside(String s, int min, int max) {
        int length = s.codePointCount(0, s.length());
        return length < min || length > max;
    }

    private void add(String field, String code, String message, Map<String, Object> params) {
        ObjectNode error = JSON.objectNode();
        error.put("code", code);
        error.put("message", message);
        ObjectNode paramsNode = error.putObject("params");
        new TreeMap<>(params).forEach(paramsNode::putPOJO);
        ArrayNode list = errors.get(field) instanceof ArrayNode existing ? existing : errors.putArray(field);
        list.add(error);
        summary.add(field + ": " + message);
    }
}
