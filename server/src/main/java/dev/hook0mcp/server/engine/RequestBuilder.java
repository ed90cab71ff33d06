package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.server.hook0.Hook0Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a catalogue route and validated arguments into a Hook0 request: path, query and body, nothing else. */
public final class RequestBuilder {

    private RequestBuilder() {}

    public static Hook0Request build(Route route, ObjectNode arguments) {
        return build(route, arguments, route.hasBody() ? body(route, arguments) : null);
    }

    /** The route's path and query from the arguments, with a body the caller composed (composites). */
    public static Hook0Request build(Route route, ObjectNode arguments, ObjectNode body) {
        return new Hook0Request(route.method(), pathSegments(route, arguments), query(route, arguments), body);
    }

    static List<String> pathSegments(Route route, ObjectNode arguments) {
        List<String> segments = new ArrayList<>();
        for (String part : route.path().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                JsonNode value = arguments.get(name);
                if (value == null || value.isNull()) {
                    throw new ArgumentException("missing required argument '" + name + "'");
                }
                segments.add(PathValues.check(name, value.asText()));
            } else {
                segments.add(part);
            }
        }
        return segments;
    }

    static List<Map.Entry<String, String>> query(Route route, ObjectNode arguments) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        route.query().forEach((argument, wireName) -> {
            JsonNode value = arguments.get(argument);
            if (value != null && !value.isNull()) {
                query.add(Map.entry(wireName, queryValue(value)));
            }
        });
        return query;
    }

    private static String queryValue(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(",", parts);
        }
        return value.asText();
    }

    /** The JSON body: each bound argument that was given, under its member name. */
    public static ObjectNode body(Route route, ObjectNode arguments) {
        ObjectNode body = Json.object();
        route.body().forEach((argument, member) -> {
            JsonNode value = arguments.get(argument);
            if (value != null && !value.isNull()) {
                body.set(member, value.deepCopy());
            }
        });
        return body;
    }
}
