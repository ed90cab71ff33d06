package dev.hook0mcp.server.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.token.TokenText;
import io.modelcontextprotocol.spec.ProtocolVersions;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.mcp.OpenClientRequests;
import dev.hook0mcp.server.mcp.JsonRpcLineCheck;
import dev.hook0mcp.server.metrics.ServerMetrics;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet in front of the SDK's transports. In order, before any MCP processing: shutting down (503), the
 * health checks ({@link HealthEndpoints}: no token, no Origin/Host check, no data), the Origin/Host check
 * (403/421), the metrics when enabled ({@code GET /metrics}), the path (404), the body cap (413), the caller's token (the configured one, or the
 * request's own {@code Authorization: Bearer}; none → 401), the HTTP shape of the message (405/406/415), the
 * message itself (400 with the JSON-RPC error stdio would give), the token gate for a token never seen (401,
 * 429, 503: {@link TokenGate}, {@link NewEndpointRate}, {@link EndpointCache}), the session (400/404, caps:
 * 429/503, {@link SessionTable}; none in stateless mode, where only POST is taken); then the SDK transport of
 * that token's endpoint. Every refusal is a short
 * JSON-RPC error body ({@link JsonRpcErrors}), and so is every error the SDK answers ({@link SdkResponse}).
 */
final class McpFrontServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(McpFrontServlet.class);
    static final String METRICS_PATH = "/metrics";

    private final Transport transport;
    private final ServerHttpHeaderValidator security;
    private final int maxRequestBytes;
    private final String configuredToken;
    private final EndpointCache<CallerEndpoint> endpoints;
    private final EndpointFactory factory;
    private final TokenGate gate;
    private final NewEndpointRate newEndpoints;
    private final SessionTable sessions;
    private final InFlight inFlight;
    private final long bodyDeadlineMillis;
    private final boolean stateless;
    private final HealthEndpoints health;
    private final ServerMetrics metrics;
    private final ClientAddress clientAddress;
    /** Legacy SSE sessions whose client has sent notifications/initialized. */
    private final java.util.Set<String> initializedSse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param metrics null when metrics are off (then /metrics is a 404 like any unknown path) */
    McpFrontServlet(Transport transport, ServerHttpHeaderValidator security, int maxRequestBytes,
            String configuredToken, EndpointCache<CallerEndpoint> endpoints, EndpointFactory factory,
            TokenGate gate, NewEndpointRate newEndpoints, SessionTable sessions, InFlight inFlight,
            long bodyDeadlineMillis, boolean stateless, HealthEndpoints health, ServerMetrics metrics,
            ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.stateless = stateless;
        this.health = health;
        this.metrics = metrics;
        this.transport = transport;
        this.security = security;
        this.maxRequestBytes = maxRequestBytes;
        this.configuredToken = configuredToken;
        this.endpoints = endpoints;
        this.factory = factory;
        this.gate = gate;
        this.newEndpoints = newEndpoints;
        this.sessions = sessions;
        this.inFlight = inFlight;
        this.bodyDeadlineMillis = bodyDeadlineMillis;
    }

    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    /** The versions whose Streamable HTTP the SDK serves (the transport exists since 2025-03-26). */
    static final List<String> STREAMABLE_VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            serveSafely(request, response); // the body has arrived (AsyncBodyReader); counted on the first dispatch
            return;
        }
        boolean counted = !"GET".equals(request.getMethod());
        if (!inFlight.enter(counted)) {
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "5");
            JsonRpcErrors.send(response, 503, JsonRpcErrors.SERVER_ERROR, "the server is shutting down; retry shortly");
            return;
        }
        AsyncEnd end = AsyncEnd.of(inFlight::exit);
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() <= maxRequestBytes) {
            AsyncBodyReader.start(request, maxRequestBytes, bodyDeadlineMillis, end);
            return;
        }
        boolean async = false;
        try {
            serveSafely(request, response);
            if (counted && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(end);
                async = true;
            }
        } finally {
            if (counted && !async) {
                inFlight.exit();
            }
        }
    }

    private void serveSafely(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            serve(request, response);
        } catch (RuntimeException e) {
            log.warn("HTTP request failed: {}", e.getClass().getSimpleName());
            JsonRpcErrors.send(response, 500, JsonRpcErrors.INTERNAL_ERROR, "Internal error while handling the request");
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getRequestURI();
        if (HealthEndpoints.handles(path)) {
            // A balancer's check may send no Host a browser would; the answer holds no data to protect.
            health.serve(request.getMethod(), path, response);
            return;
        }
        try {
            security.validate(new RequestHeaders(request));
        } catch (ServerTransportSecurityException e) {
            JsonRpcErrors.send(response, e.getStatusCode(), JsonRpcErrors.UNAUTHORIZED,
                    JsonRpcErrors.publicMessage(e.getStatusCode(), e.getMessage()));
            return;
        }
        if (metrics != null && path.equals(METRICS_PATH)) {
            serveMetrics(request, response);
            return;
        }
        boolean sse = transport == Transport.SSE;
        boolean known = sse
                ? path.equals(EndpointFactory.SSE_PATH) || path.equals(EndpointFactory.MESSAGE_PATH)
                : path.equals(EndpointFactory.MCP_PATH);
        if (!known) {
            JsonRpcErrors.send(response, 404, JsonRpcErrors.INVALID_REQUEST, "MCP is served at "
                    + (sse ? EndpointFactory.SSE_PATH : EndpointFactory.MCP_PATH));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            JsonRpcErrors.send(response, 413, JsonRpcErrors.INVALID_REQUEST,
                    "request body above " + maxRequestBytes + " bytes");
            return;
        }
        String token = configuredToken != null ? configuredToken : bearer(request);
        if (token == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hook0-mcp\"");
            JsonRpcErrors.send(response, 401, JsonRpcErrors.UNAUTHORIZED,
                    "send your Hook0 service token as Authorization: Bearer <token>");
            return;
        }
        String method = request.getMethod();
        if (stateless && !method.equals("POST")) {
            response.setHeader("Allow", "POST");
            JsonRpcErrors.send(response, 405, JsonRpcErrors.INVALID_REQUEST, "Method Not Allowed: this server is"
                    + " stateless (no sessions, no event stream): POST each message to " + EndpointFactory.MCP_PATH);
            return;
        }
        String expected = sse ? (path.equals(EndpointFactory.SSE_PATH) ? "GET" : "POST") : null;
        if (sse ? !method.equals(expected) : !List.of("GET", "POST", "DELETE").contains(method)) {
            response.setHeader("Allow", sse ? expected : "GET, POST, DELETE");
            JsonRpcErrors.send(response, 405, JsonRpcErrors.INVALID_REQUEST,
                    "Method Not Allowed: " + path + " takes " + (sse ? expected : "GET, POST or DELETE"));
            return;
        }
        if (!acceptable(request, response, sse)) {
            return;
        }
        JsonNode message = null;
        byte[] body = null;
        if (method.equals("POST")) {
            body = (byte[]) request.getAttribute(AsyncBodyReader.BODY);
            if (body == null) {
                JsonRpcErrors.send(response, 413, JsonRpcErrors.INVALID_REQUEST,
                        "request body above " + maxRequestBytes + " bytes");
                return;
            }
            message = checkedMessage(body, response);
            if (message == null) {
                return;
            }
        }
        String version = request.getHeader(PROTOCOL_VERSION_HEADER);
        if (!sse && version != null && !STREAMABLE_VERSIONS.contains(version) && !isInitialize(message)) {
            JsonRpcErrors.send(response, 400, JsonRpcErrors.body(message == null ? null : message.get("id"),
                    JsonRpcErrors.INVALID_REQUEST, "Bad Request: unsupported " + PROTOCOL_VERSION_HEADER + " "
                            + TokenText.quoted(version) + " (supported: " + String.join(", ", STREAMABLE_VERSIONS)
                            + ")"));
            return;
        }
        Caller caller = new Caller(token, TokenFingerprint.full(token), clientAddress.of(request));
        CallerEndpoint endpoint = endpointFor(caller, response);
        if (endpoint == null) {
            return;
        }
        if (sse) {
            serveSse(request, response, caller, endpoint, body, message);
        } else if (stateless) {
            SdkResponse sdk = new SdkResponse(response, false, sid -> { }).coalescingFinalResponse();
            endpoint.transport().service(new BufferedBodyRequest(request, body), sdk);
            sdk.finish();
        } else {
            serveStreamable(request, response, caller, endpoint, message, body);
        }
    }

    /** A JSON-RPC response (an answer from the client), not a request or a notification. */
    private static boolean isResponse(JsonNode message) {
        return message != null && message.isObject() && !message.has("method") && message.has("id")
                && (message.has("result") || message.has("error"));
    }

    private static boolean isInitialize(JsonNode message) {
        return message != null && "initialize".equals(message.path("method").asText(null));
    }

    private void serveStreamable(HttpServletRequest request, HttpServletResponse response, Caller caller,
            CallerEndpoint endpoint, JsonNode message, byte[] body) throws ServletException, IOException {
        boolean initialize = isInitialize(message);
        String sessionId = request.getHeader(SdkResponse.SESSION_HEADER);
        JsonNode id = message == null ? null : message.get("id");
        if (initialize) {
            if (!admitted(caller, response, id)) {
                return;
            }
            boolean[] opened = {false};
            SdkResponse sdk = new SdkResponse(response, false, sid -> {
                opened[0] = true;
                sessions.opened(sid, caller.owner());
            }).coalescingFinalResponse();
            try {
                endpoint.transport().service(new BufferedBodyRequest(request, body), sdk);
                sdk.finish();
            } finally {
                if (!opened[0]) {
                    sessions.release(caller.tokenKey());
                }
            }
            return;
        }
        if (sessionId == null || sessionId.isBlank()) {
            JsonRpcErrors.send(response, 400, JsonRpcErrors.body(id, JsonRpcErrors.INVALID_REQUEST,
                    "Bad Request: send the Mcp-Session-Id header the initialize answer gave (or initialize first)"));
            return;
        }
        if (!sessions.use(sessionId, caller.owner(), false)) {
            JsonRpcErrors.send(response, 404, JsonRpcErrors.body(id, JsonRpcErrors.SESSION_NOT_FOUND,
                    JsonRpcErrors.publicMessage(404, null)));
            return;
        }
        if (isResponse(message) && !OpenClientRequests.anyIn(sessionId)) {
            JsonRpcErrors.send(response, 400, JsonRpcErrors.body(null, JsonRpcErrors.INVALID_REQUEST, "Bad Request:"
                    + " a JSON-RPC response answers a request this server sent, and it waits for none in this"
                    + " session (id " + TokenText.quoted(message.get("id").isTextual() ? message.get("id").asText()
                            : message.get("id").toString()) + ")"));
            return;
        }
        SdkResponse sdk = new SdkResponse(response, false, sid -> { });
        if (body != null) {
            sdk.coalescingFinalResponse();
        }
        endpoint.transport().service(body == null ? request : new BufferedBodyRequest(request, body), sdk);
        sdk.finish();
        if (request.getMethod().equals("DELETE") || sdk.getStatus() == 404) {
            sessions.closed(sessionId);
        }
    }

    private void serveSse(HttpServletRequest request, HttpServletResponse response, Caller caller,
            CallerEndpoint endpoint, byte[] body, JsonNode message) throws ServletException, IOException {
        if (request.getMethod().equals("GET")) {
            if (!admitted(caller, response, null)) {
                return;
            }
            String[] opened = {null};
            SdkResponse sdk = new SdkResponse(response, true, sid -> {
                opened[0] = sid;
                sessions.opened(sid, caller.owner());
            });
            try {
                endpoint.transport().service(request, sdk);
                sdk.finish();
            } finally {
                if (opened[0] == null) {
                    sessions.release(caller.tokenKey());
                } else if (request.isAsyncStarted()) {
                    String sid = opened[0];
                    request.getAsyncContext().addListener(AsyncEnd.of(() -> {
                        sessions.closed(sid);
                        initializedSse.remove(sid);
                    }));
                } else {
                    sessions.closed(opened[0]);
                }
            }
            return;
        }
        String sessionId = request.getParameter("sessionId");
        // Bound to the caller that opened the stream: same token and same client address. Anyone else is told
        // the session does not exist, as if it never did.
        if (sessionId == null || !sessions.use(sessionId, caller.owner(), true)) {
            JsonRpcErrors.send(response, 404, JsonRpcErrors.SESSION_NOT_FOUND,
                    "Session not found: open GET " + EndpointFactory.SSE_PATH + " and post to the endpoint it gives");
            return;
        }
        String rpcMethod = message.path("method").asText("");
        if (message.has("id") && !rpcMethod.isEmpty() && !rpcMethod.equals("initialize") && !rpcMethod.equals("ping")
                && !initializedSse.contains(sessionId)) {
            // The SDK would hold this POST until notifications/initialized, for ever if it never comes.
            JsonRpcErrors.send(response, 400, JsonRpcErrors.body(message.get("id"), JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: send notifications/initialized (after the initialize answer) before "
                            + TokenText.quoted(rpcMethod)));
            return;
        }
        if (rpcMethod.equals("notifications/initialized") && !message.has("id")) {
            initializedSse.add(sessionId); // before the SDK sees it: a request right behind it is then let through
        }
        SdkResponse sdk = new SdkResponse(response, false, sid -> { });
        endpoint.transport().service(new BufferedBodyRequest(request, body), sdk);
        sdk.finish();
    }

    private void serveMetrics(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            response.setHeader("Allow", "GET");
            JsonRpcErrors.send(response, 405, JsonRpcErrors.INVALID_REQUEST, "Method Not Allowed: " + METRICS_PATH
                    + " takes GET");
            return;
        }
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(ServerMetrics.CONTENT_TYPE);
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    /** Refuses (406/415) what the SDK would refuse, with the status the Streamable HTTP spec names. */
    private boolean acceptable(HttpServletRequest request, HttpServletResponse response, boolean sse)
            throws IOException {
        String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
        String method = request.getMethod();
        if (!sse && method.equals("GET") && !accept.contains("text/event-stream")) {
            JsonRpcErrors.send(response, 406, JsonRpcErrors.INVALID_REQUEST,
                    "Not Acceptable: GET " + EndpointFactory.MCP_PATH + " opens an event stream; send Accept: "
                            + "text/event-stream (MCP clients do this; a browser cannot use this URL)");
            return false;
        }
        if (!sse && method.equals("POST")
                && !(accept.contains("application/json") && accept.contains("text/event-stream"))) {
            JsonRpcErrors.send(response, 406, JsonRpcErrors.INVALID_REQUEST,
                    "Not Acceptable: send Accept: application/json, text/event-stream");
            return false;
        }
        if (method.equals("POST")) {
            String type = Optional.ofNullable(request.getContentType()).orElse("");
            if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                JsonRpcErrors.send(response, 415, JsonRpcErrors.INVALID_REQUEST,
                        "Unsupported Media Type: send Content-Type: application/json");
                return false;
            }
        }
        return true;
    }

    /** The message when it is one the SDK can take, as stdio checks it; otherwise answers 400 and gives null. */
    private static JsonNode checkedMessage(byte[] body, HttpServletResponse response) throws IOException {
        JsonRpcLineCheck.Checked checked = JsonRpcLineCheck.check(body, new String(body, StandardCharsets.UTF_8));
        if (checked.problem().isPresent()) {
            JsonRpcErrors.send(response, 400, checked.problem().get());
            return null;
        }
        JsonNode message = checked.message();
        JsonNode params = message.path("params");
        if (params.has("arguments") && !params.get("arguments").isObject() && !params.get("arguments").isNull()) {
            JsonRpcErrors.send(response, 400, JsonRpcErrors.body(message.get("id"), JsonRpcErrors.INVALID_PARAMS,
                    "Invalid params: \"arguments\" must be a JSON object, not a "
                            + params.get("arguments").getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            return null;
        }
        return message;
    }

    /** Places a session for the caller, or answers 429 (this token's cap) / 503 (the server's cap). */
    private boolean admitted(Caller caller, HttpServletResponse response, JsonNode id) throws IOException {
        SessionTable.Admission admission = sessions.reserve(caller.tokenKey());
        if (admission == SessionTable.Admission.ADMITTED) {
            return true;
        }
        boolean mine = admission == SessionTable.Admission.TOKEN_FULL;
        response.setHeader("Retry-After", "60");
        JsonRpcErrors.send(response, mine ? 429 : 503, JsonRpcErrors.body(id, JsonRpcErrors.SERVER_ERROR, mine
                ? "too many open sessions for this token: close unused ones (DELETE with Mcp-Session-Id) or wait"
                        + " for idle ones to expire"
                : "the server has as many open sessions as it takes; retry later"));
        return false;
    }

    /** The caller's endpoint, or null when refused (the response is written). */
    private CallerEndpoint endpointFor(Caller caller, HttpServletResponse response) throws IOException {
        if (configuredToken == null && !endpoints.contains(caller.tokenKey())) {
            Optional<String> refusal = gate.refusal(caller.token());
            if (refusal.isPresent()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"hook0-mcp\", error=\"invalid_token\"");
                JsonRpcErrors.send(response, 401, JsonRpcErrors.UNAUTHORIZED, refusal.get());
                return null;
            }
            if (!newEndpoints.tryAcquire(caller.address())) {
                response.setHeader("Retry-After", Long.toString(newEndpoints.retryAfterSeconds(caller.address())));
                JsonRpcErrors.send(response, 429, JsonRpcErrors.SERVER_ERROR,
                        "too many new tokens from this address; retry later");
                return null;
            }
        }
        try {
            return endpoints.get(caller.tokenKey(), key -> factory.create(caller.token()));
        } catch (EndpointCache.FullException e) {
            response.setHeader("Retry-After", "60");
            JsonRpcErrors.send(response, 503, JsonRpcErrors.SERVER_ERROR,
                    "the server serves as many tokens with open sessions as it takes; retry later");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonRpcErrors.send(response, 503, JsonRpcErrors.SERVER_ERROR, "the server is shutting down");
            return null;
        }
    }

    static String bearer(HttpServletRequest request) {
        return dev.hook0mcp.server.token.TokenText.fromAuthorizationHeader(request.getHeader("Authorization"));
    }

    /** The request's headers as the security policy reads them, straight from the request (nothing copied). */
    private record RequestHeaders(HttpServletRequest request) implements HeaderAccessor {
        @Override
        public List<String> getHeader(String name) {
            return Collections.list(request.getHeaders(name));
        }

        @Override
        public List<String> getHeaderNames() {
            return Collections.list(request.getHeaderNames());
        }
    }

    /** Who is asking: the token (never logged), its fingerprint, and the client address. */
    private record Caller(String token, String tokenKey, String address) {
        SessionTable.Owner owner() {
            return new SessionTable.Owner(tokenKey, address);
        }
    }
}
