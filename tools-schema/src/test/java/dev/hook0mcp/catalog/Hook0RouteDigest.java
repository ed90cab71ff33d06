package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hook0's routes as the drift check needs them, read from the committed digest {@value #RESOURCE} (made from
 * Hook0's OpenAPI document by {@link OpenApiRouteDigester}), so the check runs from a fresh clone alone.
 */
final class Hook0RouteDigest {

    /** Classpath location; the file lives in {@code tools-schema/src/test/resources}. */
    static final String RESOURCE = "hook0-routes.digest.json";

    /** One parameter of an operation: {@code in} is {@code path} or {@code query}. */
    record Parameter(String name, String in, boolean required) {}

    /** The JSON request body: the schema's member names and its required members. */
    record Body(List<String> properties, List<String> required) {}

    /** One operation; {@code body} is empty when the operation takes no request body. */
    record Operation(String method, String path, List<Parameter> parameters, Optional<Body> body) {}

    private final JsonNode source;
    private final Map<String, Map<String, Operation>> byPath;

    private Hook0RouteDigest(JsonNode source, Map<String, Map<String, Operation>> byPath) {
        this.source = source;
        this.byPath = byPath;
    }

    /** The digest committed in this module's test resources. */
    static Hook0RouteDigest committed() {
        try (InputStream in = Hook0RouteDigest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Hook0RouteDigest parse(JsonNode digest) {
        Map<String, Map<String, Operation>> byPath = new HashMap<>();
        for (JsonNode route : digest.path("routes")) {
            List<Parameter> parameters = new ArrayList<>();
            route.path("parameters").forEach(p -> parameters.add(
                    new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean())));
            Optional<Body> body = route.has("body")
                    ? Optional.of(new Body(texts(route.path("body").path("properties")),
                            texts(route.path("body").path("required"))))
                    : Optional.empty();
            Operation op = new Operation(route.path("method").asText(), route.path("path").asText(),
                    List.copyOf(parameters), body);
            byPath.computeIfAbsent(op.path(), p -> new TreeMap<>()).put(op.method(), op);
        }
        return new Hook0RouteDigest(digest.path("source"), byPath);
    }

    /** Hook0's operation for a method and path (trailing slash ignored), if the document has it. */
    Optional<Operation> operation(String method, String path) {
        return Optional.ofNullable(byPath.getOrDefault(normalise(path), Map.of()).get(method.toUpperCase(Locale.ROOT)));
    }

    /** Whether the document has this path at all (for telling a wrong path from a wrong method). */
    boolean hasPath(String path) {
        return byPath.containsKey(normalise(path));
    }

    /** The methods the document allows on a path, e.g. {@code [DELETE, GET, PUT]}. */
    List<String> methods(String path) {
        return List.copyOf(byPath.getOrDefault(normalise(path), Map.of()).keySet());
    }

    int size() {
        return byPath.values().stream().mapToInt(Map::size).sum();
    }

    /** Where the digest came from: title, info_version, openapi, sha256. */
    JsonNode source() {
        return source;
    }

    /** A path without its trailing slashes; Hook0 serves {@code /x} and {@code /x/} alike. */
    static String normalise(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
