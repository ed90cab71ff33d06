package dev.hook0mcp.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.TokenFingerprint;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.engine.Json;
import dev.hook0mcp.server.mcp.HiddenToolCalls;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one servlet in front of the SDK's transports. In order, before any MCP processing: the Origin/Host check
 * (403/421), the body cap (413), the caller's token (the configured one, or the request's own
 * {@code Authorization: Bearer}; none → 401 with {@code WWW-Authenticate: Bearer}), then the request goes to the
 * SDK transport of that token's endpoint. A call to a tool this token does not get is answered here with a tool
 * result saying why (Streamable HTTP), as on stdio.
 */
final class McpFrontServlet extends HttpServlet {

    private final Transport transport;
    private final ServerTransportSecurityValidator security;
    private final int maxRequestBytes;
    private final String configuredToken;
    private final EndpointCache<CallerEndpoint> endpoints;
    private final EndpointFactory factory;

    McpFrontServlet(Transport transport, ServerTransportSecurityValidator security, int maxRequestBytes,
            String configuredToken, EndpointCache<CallerEndpoint> endpoints, EndpointFactory factory) {
        this.transport = transport;
        this.security = security;
        this.maxRequestBytes = maxRequestBytes;
        this.configuredToken = configuredToken;
        this.endpoints = endpoints;
        this.factory = factory;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            security.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            response.sendError(e.getStatusCode(), e.getMessage());
            return;
        }
        String path = request.getRequestURI();
        boolean known = transport == Transport.SSE
                ? path.equals(EndpointFactory.SSE_PATH) || path.equals(EndpointFactory.MESSAGE_PATH)
                : path.equals(EndpointFactory.MCP_PATH);
        if (!known) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "MCP is served at "
                    + (transport == Transport.SSE ? EndpointFactory.SSE_PATH : EndpointFactory.MCP_PATH));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "request body above " + maxRequestBytes + " bytes");
            return;
        }
        String token = configuredToken != null ? configuredToken : bearer(request);
        if (token == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hook0-mcp\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "send your Hook0 service token as Authorization: Bearer <token>");
            return;
        }
        CallerEndpoint endpoint;
        try {
            endpoint = endpoints.get(TokenFingerprint.full(token), key -> factory.create(token));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        HttpServletRequest forwarded = request;
        if ("POST".equals(request.getMethod()) && transport == Transport.HTTP) {
            byte[] body = readBounded(request);
            if (body == null) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        "request body above " + maxRequestBytes + " bytes");
                return;
            }
            Optional<ObjectNode> answer = hiddenToolAnswer(body, endpoint);
            if (answer.isPresent()) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(Json.compact(answer.get()));
                return;
            }
            forwarded = new BufferedBodyRequest(request, body);
        }
        endpoint.transport().service(forwarded, response);
    }

    private static Optional<ObjectNode> hiddenToolAnswer(byte[] body, CallerEndpoint endpoint) {
        try {
            JsonNode message = Json.MAPPER.readTree(body);
            if (message == null || !message.isObject()) {
                return Optional.empty();
            }
            Function<JsonNode, Optional<ObjectNode>> hidden = new HiddenToolCalls(endpoint.access().surface());
            return hidden.apply(message);
        } catch (IOException e) {
            return Optional.empty(); // malformed JSON: the SDK answers it
        }
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        return body.length > maxRequestBytes ? null : body;
    }

    static String bearer(HttpServletRequest request) {
        return dev.hook0mcp.server.token.TokenText.fromAuthorizationHeader(request.getHeader("Authorization"));
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The request with its body already read, so the SDK transport can read it again. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
