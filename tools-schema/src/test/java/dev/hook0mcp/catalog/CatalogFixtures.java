package dev.hook0mcp.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** What the catalogue tests share: the catalogue, the raw files, where Hook0's OpenAPI document is, a schema walker. */
final class CatalogFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFixtures() {}

    static ToolCatalog catalog() {
        return ToolCatalog.standard();
    }

    static ToolDefinition tool(String name) {
        return catalog().get(name);
    }

    /** Every tool name in the order of {@code tools.list}. */
    static List<String> allNames() {
        return catalog().tools().stream().map(ToolDefinition::name).toList();
    }

    /** Tool names, for {@code @MethodSource}. */
    static Stream<String> toolNames() {
        return catalog().tools().stream().map(ToolDefinition::name);
    }

    /** {@code src/main/resources/hook0-tools} of this module, read from the source tree. */
    static Path sourceDirectory() {
        Path dir = Path.of(System.getProperty("basedir", "."), "src", "main", "resources", "hook0-tools");
        assertTrue(Files.isDirectory(dir), "catalogue directory not found: " + dir.toAbsolutePath());
        return dir;
    }

    /** The raw JSON of one catalogue file, as written (not through the loader). */
    static JsonNode rawFile(String fileName) {
        try {
            return JSON.readTree(sourceDirectory().resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hook0's OpenAPI document in the shared directory beside the clone ({@code ../shared/hook0/openapi.snapshot.json},
     * passed by surefire as {@code hook0.shared.dir}), when it is there. Only the digest's freshness check needs it.
     */
    static Optional<Path> openApiDocument() {
        String shared = System.getProperty("hook0.shared.dir");
        if (shared == null || shared.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(shared, "hook0", "openapi.snapshot.json");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Calls {@code visitor(pointer, schema)} for the schema and every sub-schema below it: property schemas,
     * {@code items}, and {@code additionalProperties} when it is a schema. The pointer is a readable path such
     * as {@code /properties/target/properties/method}.
     */
    static void walkSchemas(JsonNode schema, BiConsumer<String, JsonNode> visitor) {
        walk("", schema, visitor);
    }

    private static void walk(String pointer, JsonNode schema, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(pointer.isEmpty() ? "/" : pointer, schema);
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(pointer + "/properties/" + e.getKey(), e.getValue(), visitor);
            }
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            walk(pointer + "/items", items, visitor);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            walk(pointer + "/additionalProperties", additional, visitor);
        }
    }

    /** Every member name anywhere in a JSON tree (keys of every object, recursively), with its pointer. */
    static List<String[]> allKeys(JsonNode node) {
        List<String[]> keys = new ArrayList<>();
        collectKeys("", node, keys);
        return keys;
    }

    private static void collectKeys(String pointer, JsonNode node, List<String[]> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.add(new String[] {pointer, e.getKey()});
                collectKeys(pointer + "/" + e.getKey(), e.getValue(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(pointer + "/" + i, node.get(i), out);
            }
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
