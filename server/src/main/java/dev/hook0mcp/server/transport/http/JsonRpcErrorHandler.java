package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself (a request it cannot parse: a negative or duplicate Content-Length, Content-Length with
 * Transfer-Encoding, a bad header) gets the short JSON-RPC error body every other refusal has, not Jetty's HTML
 * page.
 */
final class JsonRpcErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] body(int status, String reason) {
        String message = JsonRpcErrors.publicMessage(status, reason == null ? null : "HTTP " + status + ": " + reason);
        return Json.compact(JsonRpcErrors.body(null, JsonRpcErrors.codeFor(status), message))
                .getBytes(StandardCharsets.UTF_8);
    }
}
