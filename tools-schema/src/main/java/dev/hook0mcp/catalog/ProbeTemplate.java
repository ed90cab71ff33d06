package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A side-effect-free request that makes Hook0 authorize one action (reference §C.3): a plain GET for a read, a
 * write that fails validation (422 = allowed) or targets an id nothing has (404 = allowed); 403 Forbidden means
 * denied. Values may hold placeholders such as {@code {application_id}}, filled in by {@link #fill}.
 */
public record ProbeTemplate(String method, String path, Map<String, String> query, JsonNode body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** A probe with every placeholder replaced. */
    public record Request(String method, String path, List<Map.Entry<String, String>> query, JsonNode body) {

        /** The path's segments, e.g. ["api", "v1", "events"]. */
        public List<String> pathSegments() {
            List<String> segments = new ArrayList<>();
            for (String s : path.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
            return segments;
        }
    }

    public ProbeTemplate {
        query = Map.copyOf(new LinkedHashMap<>(query));
        body = body == null || body.isNull() ? null : body.deepCopy();
    }

    /** Whether the probe needs a value for {@code placeholder} (e.g. "subscription_id"). */
    public boolean needs(String placeholder) {
        String token = "{" + placeholder + "}";
        return path.contains(token) || query.values().stream().anyMatch(v -> v.contains(token))
                || (body != null && body.toString().contains(token));
    }

    /** The request, or empty when a placeholder it needs has no value. */
    public Optional<Request> fill(Map<String, String> values) {
        try {
            List<Map.Entry<String, String>> q = new ArrayList<>();
            query.forEach((k, v) -> q.add(Map.entry(k, replace(v, values))));
            return Optional.of(new Request(method, replace(path, values), q, body == null ? null : fillNode(body, values)));
        } catch (MissingValue e) {
            return Optional.empty();
        }
    }

    private static JsonNode fillNode(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            return TextNode.valueOf(replace(node.asText(), values));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), fillNode(e.getValue(), values)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(v -> copy.add(fillNode(v, values)));
            return copy;
        }
        return node.deepCopy();
    }

    private static String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new MissingValue();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final class MissingValue extends RuntimeException {
        MissingValue() {
            super(null, null, false, false);
        }
    }
}
