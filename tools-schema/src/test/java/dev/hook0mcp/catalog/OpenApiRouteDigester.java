package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns Hook0's OpenAPI document into the route digest the drift check reads ({@link Hook0RouteDigest}): for every
 * operation its method, its path (without trailing slash: Hook0 treats {@code /x} and {@code /x/} alike), its
 * parameters (name, where, required) and, when it takes a body, the JSON body's member names and required members.
 * Nothing else of the document is kept. The digest names the document it came from (title, {@code info.version},
 * OpenAPI version, SHA-256 of its bytes). Output is deterministic: sorted, one route per line.
 */
final class OpenApiRouteDigester {

    /** The command that rewrites the committed digest from {@code ../shared/hook0/openapi.snapshot.json}. */
    static final String REFRESH_COMMAND =
            "mvn -B -o -pl tools-schema test -Dtest=OpenApiRouteDigesterTest -Dhook0.routes.refresh=true";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final int MAX_REF_DEPTH = 10;

    private OpenApiRouteDigester() {}

    /** The digest text of an OpenAPI document given as its raw bytes. */
    static String digest(byte[] openApiDocument) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiDocument);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON OpenAPI document", e);
        }
        ObjectNode source = NODES.objectNode();
        source.put("title", document.path("info").path("title").asText());
        source.put("info_version", document.path("info").path("version").asText());
        source.put("openapi", document.path("openapi").asText());
        source.put("sha256", sha256(openApiDocument));
        return render(source, routes(document));
    }

    private static List<ObjectNode> routes(JsonNode document) {
        Map<String, ObjectNode> byKey = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode item = path.getValue();
            for (String method : HTTP_METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                ObjectNode route = route(document, Hook0RouteDigest.normalise(path.getKey()), method, item, operation);
                String key = route.get("path").asText() + " " + route.get("method").asText();
                if (byKey.put(key, route) != null) {
                    throw new IllegalStateException("two operations for " + key + " (paths differing in a slash?)");
                }
            }
        });
        return new ArrayList<>(byKey.values());
    }

    private static ObjectNode route(JsonNode document, String path, String method, JsonNode item,
            JsonNode operation) {
        ObjectNode route = NODES.objectNode();
        route.put("method", method.toUpperCase(Locale.ROOT));
        route.put("path", path);
        List<JsonNode> declared = new ArrayList<>();
        item.path("parameters").forEach(p -> declared.add(resolve(document, p)));
        operation.path("parameters").forEach(p -> declared.add(resolve(document, p)));
        declared.sort(Comparator.comparing((JsonNode p) -> p.path("in").asText())
                .thenComparing(p -> p.path("name").asText()));
        ArrayNode parameters = route.putArray("parameters");
        for (JsonNode p : declared) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", p.path("name").asText());
            parameter.put("in", p.path("in").asText());
            parameter.put("required", p.path("required").asBoolean(false));
        }
        if (operation.has("requestBody")) {
            JsonNode requestBody = resolve(document, operation.get("requestBody"));
            JsonNode schema = resolve(document, requestBody.path("content").path("application/json").path("schema"));
            ObjectNode body = route.putObject("body");
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            properties.forEach(body.putArray("properties")::add);
            required.forEach(body.putArray("required")::add);
        }
        return route;
    }

    /** Follows local {@code $ref}s ({@code #/components/...}); an external one is not something we can digest. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new HashSet<>();
        for (int depth = 0; current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref in the OpenAPI document: " + ref);
            }
            if (depth >= MAX_REF_DEPTH || !seen.add(ref)) {
                throw new IllegalStateException("$ref chain too deep or circular at " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** Pretty at the top, one compact route per line, so a change to one route shows as one changed line. */
    private static String render(ObjectNode source, List<ObjectNode> routes) {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"about\": ").append(NODES.textNode("Hook0 routes for the drift check, generated from the "
                + "OpenAPI document named in source; do not edit: " + REFRESH_COMMAND)).append(",\n");
        out.append("  \"source\": ").append(source).append(",\n");
        out.append("  \"routes\": [\n");
        for (int i = 0; i < routes.size(); i++) {
            out.append("    ").append(routes.get(i)).append(i + 1 < routes.size() ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
