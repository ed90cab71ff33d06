package dev.hook0mcp.sandbox.http;

import dev.hook0mcp.sandbox.auth.AuthenticatedToken;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One routed request: path parameters (percent-decoded), query, headers (lower-case names), body and the
 * authenticated token (null on public routes).
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final QueryParams query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String clientIp;
    private final AuthenticatedToken token;

    public ApiRequest(String method, String path, Map<String, String> pathParams, QueryParams query,
                      Map<String, List<String>> headers, byte[] body, String clientIp, AuthenticatedToken token) {
        this.method = method;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.clientIp = clientIp;
        this.token = token;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public QueryParams query() {
        return query;
    }

    public String clientIp() {
        return clientIp;
    }

    public AuthenticatedToken token() {
        return token;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathString(String name) {
        return pathParams.get(name);
    }

    /** A UUID path segment; anything else is actix's 404 text/plain. */
    public UUID pathUuid(String name) {
        return Uuids.parse(pathParams.get(name)).orElseThrow(() -> PlainHttpError.path(
                "can not parse \"" + pathParams.get(name) + "\" to a Uuid"));
    }

    /** The JSON body (400 JsonPayload when it is not one). */
    public JsonBody json() {
        return JsonBody.parse(header("content-type"), body);
    }
}
