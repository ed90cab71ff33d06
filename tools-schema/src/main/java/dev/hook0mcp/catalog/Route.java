package dev.hook0mcp.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Hook0 route.
 *
 * @param method HTTP method, upper case
 * @param path   path template as in the OpenAPI document without its trailing slash, e.g.
 *               {@code /api/v1/events/{event_id}/replay}; every {@code {name}} is an argument of the same name
 * @param query  argument name → query parameter name (e.g. {@code event_type_names → event.event_type_names})
 * @param body   argument name → JSON body member name; empty when the request has no body
 */
public record Route(String method, String path, Map<String, String> query, Map<String, String> body) {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z0-9_]+)}");

    public Route {
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** The argument names that fill the path template, in order. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public boolean hasBody() {
        return !body.isEmpty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
