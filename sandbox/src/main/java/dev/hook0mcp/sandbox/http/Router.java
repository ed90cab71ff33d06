package dev.hook0mcp.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Method + path-template routing under one prefix. Paths are normalized like actix's
 * {@code NormalizePath::trim()} (repeated slashes merged, trailing slash dropped), so {@code /x} and
 * {@code /x/} are the same route.
 */
public final class Router {

    /** A route: method, template such as {@code /applications/{application_id}}, whether it needs a token. */
    public record Route(String method, String template, boolean authenticated, Handler handler) {

        List<String> segments() {
            return split(template);
        }
    }

    /** Outcome of routing a path. */
    public record Match(Route route, Map<String, String> pathParams, boolean methodNotAllowed) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, boolean authenticated, Handler handler) {
        routes.add(new Route(method, template, authenticated, handler));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** @param rawPath the raw (still percent-encoded) path below the prefix */
    public Optional<Match> match(String method, String rawPath) {
        List<String> segments = split(rawPath);
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), segments);
            if (params != null) {
                if (route.method().equals(method)) {
                    return Optional.of(new Match(route, params, false));
                }
                pathMatched = true;
            }
        }
        return pathMatched ? Optional.of(new Match(null, Map.of(), true)) : Optional.empty();
    }

    public static String normalize(String rawPath) {
        return "/" + String.join("/", split(rawPath));
    }

    private static Map<String, String> bind(List<String> template, List<String> actual) {
        if (template.size() != actual.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), decode(actual.get(i)));
            } else if (!t.equals(actual.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
