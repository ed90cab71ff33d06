package dev.hook0mcp.catalog;

import java.util.List;
import java.util.Map;

/**
 * How a tool reaches Hook0.
 *
 * @param kind     {@link Kind#HTTP}: one route, arguments mapped by it; {@link Kind#COMPOSITE}: a handler in the
 *                 server calls every listed route; {@link Kind#READ_MERGE_PUT}: routes[0] reads the resource,
 *                 the given arguments are merged into it and routes[1] writes it back.
 * @param handler  for composites, the name of the server-side handler; otherwise null.
 * @param routes   every Hook0 route the tool calls (checked against the OpenAPI document).
 * @param defaults argument name → where its default comes from when the caller omits it:
 *                 {@code "token.organization_id"} or {@code "token.application_id"}.
 */
public record Binding(Kind kind, String handler, List<Route> routes, Map<String, String> defaults) {

    public enum Kind {
        HTTP,
        COMPOSITE,
        READ_MERGE_PUT
    }

    public Binding {
        routes = List.copyOf(routes);
        defaults = Map.copyOf(defaults);
    }

    /** The single route of an {@link Kind#HTTP} binding. */
    public Route route() {
        if (kind != Kind.HTTP) {
            throw new IllegalStateException("only an http binding has a single route");
        }
        return routes.get(0);
    }
}
