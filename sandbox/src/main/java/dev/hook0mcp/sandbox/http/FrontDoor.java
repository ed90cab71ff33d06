package dev.hook0mcp.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hook0mcp.sandbox.auth.AuthenticatedToken;
import dev.hook0mcp.sandbox.auth.BearerAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point: route, run the Biscuit middleware on authenticated routes (401 / 400 / 403
 * before any handler work), call the handler, turn exceptions into problem or text/plain answers, write
 * the response and report the exchange.
 */
public final class FrontDoor implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    /** What the front door reports after each exchange. */
    @FunctionalInterface
    public interface ExchangeListener {
        void answered(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                      byte[] body, int status);
    }

    private final String prefix;
    private final Router router;
    private final BearerAuthenticator authenticator;
    private final ExchangeListener listener;

    public FrontDoor(String prefix, Router router, BearerAuthenticator authenticator, ExchangeListener listener) {
        this.prefix = prefix;
        this.router = router;
        this.authenticator = authenticator;
        this.listener = listener;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        ApiResponse response;
        byte[] body = new byte[0];
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(JsonBody.MAX_BYTES + 1);
            response = dispatch(method, rawPath, rawQuery, headers, body, clientIp(exchange));
        } catch (RuntimeException e) {
            LOG.error("sandbox handler failed on {} {}", method, rawPath, e);
            response = ApiResponse.problem(Problem.internalServerError());
        }
        // Reported before the answer leaves, so a client that got its response finds it in the log.
        LOG.debug("{} {} -> {}", method, rawPath, response.status());
        listener.answered(method, rawPath, rawQuery, headers, body, response.status());
        write(exchange, response);
    }

    private ApiResponse dispatch(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                 byte[] body, String clientIp) {
        String path = Router.normalize(rawPath);
        if (!(path + "/").startsWith(prefix + "/")) {
            return ApiResponse.plain(404, "");
        }
        Optional<Router.Match> match = router.match(method, path.substring(prefix.length()));
        if (match.isEmpty()) {
            return ApiResponse.plain(404, "");
        }
        if (match.get().methodNotAllowed()) {
            return ApiResponse.plain(405, "");
        }
        Router.Route route = match.get().route();
        try {
            AuthenticatedToken token = null;
            if (route.authenticated()) {
                BearerAuthenticator.Result auth = authenticator.authenticate(first(headers, "authorization"));
                if (auth.failure() != null) {
                    return ApiResponse.problem(switch (auth.failure()) {
                        case NO_HEADER -> Problem.authNoAuthorizationHeader();
                        case INVALID_HEADER -> Problem.authInvalidAuthorizationHeader();
                        case INVALID_BISCUIT -> Problem.authInvalidBiscuit();
                    });
                }
                token = auth.token();
            }
            ApiRequest request = new ApiRequest(method, path, match.get().pathParams(), QueryParams.parse(rawQuery),
                    headers, body, clientIp, token);
            return route.handler().handle(request);
        } catch (ProblemException e) {
            return ApiResponse.problem(e.problem());
        } catch (PlainHttpError e) {
            return ApiResponse.plain(e.status(), e.getMessage());
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String clientIp(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }
}
