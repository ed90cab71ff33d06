package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * Keeps a result under a byte budget (clients cap what they pass to the model). A list loses items from its end
 * and says how many and how to get them; an object has its longest texts cut with an explicit marker.
 */
final class SizeBudget {

    /** Room kept for the members the truncation itself adds. */
    private static final int RESERVE = 600;

    private SizeBudget() {}

    /** Cuts {@code result.items} until the result fits; returns the number of items removed. */
    static int fitList(ObjectNode result, int maxBytes) {
        ArrayNode items = (ArrayNode) result.get("items");
        int total = items.size();
        if (Json.byteSize(result) <= maxBytes) {
            return 0;
        }
        int budget = Math.max(0, maxBytes - RESERVE);
        int size = Json.byteSize(result) - Json.byteSize(items) + 2;
        int keep = 0;
        for (JsonNode item : items) {
            int itemSize = Json.byteSize(item) + 1;
            if (size + itemSize > budget) {
                break;
            }
            size += itemSize;
            keep++;
        }
        while (items.size() > keep) {
            items.remove(items.size() - 1);
        }
        return total - keep;
    }

    /** Cuts the longest strings of an object until it fits; returns whether anything was cut. */
    static boolean fitObject(ObjectNode result, int maxBytes) {
        boolean cut = false;
        int guard = 0;
        while (Json.byteSize(result) > maxBytes && guard++ < 64) {
            Longest longest = new Longest();
            findLongest(result, longest);
            if (longest.parent == null || longest.length < 64) {
                break;
            }
            int excess = Json.byteSize(result) - maxBytes + RESERVE;
            int keep = Math.max(0, longest.length - Math.max(excess, longest.length / 2));
            String text = longest.parent.get(longest.field).asText();
            longest.parent.set(longest.field,
                    TextNode.valueOf(text.substring(0, keep) + Truncation.marker(text.length() - keep)));
            cut = true;
        }
        return cut;
    }

    private static final class Longest {
        ObjectNode parent;
        String field;
        int length;
    }

    private static void findLongest(JsonNode node, Longest longest) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().length() > longest.length) {
                    longest.parent = (ObjectNode) node;
                    longest.field = e.getKey();
                    longest.length = v.asText().length();
                } else if (v.isContainerNode()) {
                    findLongest(v, longest);
                }
            }
        } else if (node.isArray()) {
            node.forEach(v -> findLongest(v, longest));
        }
    }
}
