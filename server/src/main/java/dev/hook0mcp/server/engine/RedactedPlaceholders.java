package dev.hook0mcp.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.results.ResultShaper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text results show in place of a secret ({@link ResultShaper#REDACTED}) coming back as an argument: an
 * assistant that changes a subscription's URL passes its target whole, headers as it was shown them. Written to
 * Hook0, the placeholder would replace the receiver's real credential. A partial update puts the stored value
 * back; anywhere else the call is refused.
 */
final class RedactedPlaceholders {

    private RedactedPlaceholders() {}

    /** Refuses arguments that carry the placeholder anywhere. */
    static void refuse(JsonNode arguments) {
        List<String> paths = new ArrayList<>();
        find(arguments, "", paths);
        if (!paths.isEmpty()) {
            throw problem(paths);
        }
    }

    /**
     * Puts back, at each place of {@code body} holding the placeholder, the value {@code existing} (what Hook0 has
     * now) holds at the same place; refuses when it has none there.
     */
    static void restore(JsonNode body, JsonNode existing) {
        List<String> missing = new ArrayList<>();
        restore(body, existing, "", missing);
        if (!missing.isEmpty()) {
            throw problem(missing);
        }
    }

    private static void restore(JsonNode node, JsonNode existing, String path, List<String> missing) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = join(path, e.getKey());
                JsonNode stored = existing == null ? null : existing.get(e.getKey());
                if (isPlaceholder(e.getValue())) {
                    if (stored != null && stored.isTextual() && !isPlaceholder(stored)) {
                        e.setValue(stored.deepCopy());
                    } else {
                        missing.add(at);
                    }
                } else {
                    restore(e.getValue(), stored, at, missing);
                }
            }
        } else if (node instanceof ArrayNode array) {
            // list items have no identity to match a stored one by: a placeholder in one stays refused
            find(array, path, missing);
        }
    }

    private static void find(JsonNode node, String path, List<String> found) {
        if (isPlaceholder(node)) {
            found.add(path.isEmpty() ? "(the arguments)" : path);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> find(e.getValue(), join(path, e.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                find(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static boolean isPlaceholder(JsonNode node) {
        return node != null && node.isTextual() && ResultShaper.REDACTED.equals(node.asText());
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static ArgumentException problem(List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            problems.add(path + ": this is the placeholder results show instead of a secret, not its value; give"
                    + " the real value, or leave the field out to keep what Hook0 has");
        }
        return new ArgumentException(problems);
    }
}
