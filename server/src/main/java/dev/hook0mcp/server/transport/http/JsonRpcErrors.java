package dev.hook0mcp.server.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Short JSON-RPC error bodies for HTTP-level refusals: {@code {"jsonrpc":"2.0","id":null,"error":{...}}}, never
 * a stack trace or a Java class name, and never HTML.
 */
final class JsonRpcErrors {

    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined server errors (JSON-RPC reserves -32000 to -32099). */
    static final int SERVER_ERROR = -32000;
    static final int UNAUTHORIZED = -32001;
    static final int SESSION_NOT_FOUND = -32002;

    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(java|javax|jakarta|com\\.fasterxml|io\\.modelcontextprotocol|org\\.eclipse|reactor)\\.[a-z]"
                    + "|Exception|`|\\bat [a-z]+\\.");
    private static final int MAX_MESSAGE_CHARS = 300;

    private JsonRpcErrors() {}

    static ObjectNode body(JsonNode id, int code, String message) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        if (id == null || id.isMissingNode()) {
            response.putNull("id");
        } else {
            response.set("id", id);
        }
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }

    static void send(HttpServletResponse response, int status, int code, String message) throws IOException {
        send(response, status, body(null, code, message));
    }

    static void send(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The JSON-RPC code that fits an HTTP status the SDK chose. */
    static int codeFor(int status) {
        return switch (status) {
            case 401, 403 -> UNAUTHORIZED;
            case 404 -> SESSION_NOT_FOUND;
            case 400, 405, 406, 413, 415, 421 -> INVALID_REQUEST;
            case 429, 503 -> SERVER_ERROR;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }

    /** A message safe to show a stranger: the given one when it names no Java internals, else one for the status. */
    static String publicMessage(int status, String message) {
        if (message != null && !message.isBlank() && !JAVA_NAMES.matcher(message).find()
                && message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return switch (status) {
            case 400 -> "Bad Request: the message is not a JSON-RPC request this server can take";
            case 404 -> "Session not found: it ended or never existed; send initialize again without Mcp-Session-Id";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable: send Accept: application/json, text/event-stream";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported Media Type: send Content-Type: application/json";
            case 503 -> "Service Unavailable: try again later";
            default -> status >= 500 ? "Internal error while handling the request" : "Request refused";
        };
    }
}
