package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Legacy SSE with the configured token: a session id is no credential. Only the caller that opened the stream
 * (same token, same client address) may post into it; anyone else who learns the id is told it does not exist.
 */
class SseSessionBindingIT {

    private static final String INITIALIZE = HttpCallers.INITIALIZE.replace("\"id\":1", "\"id\":5");

    @Test
    void onlyTheCallerThatOpenedTheStreamMayPostIntoIt() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
             HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "sse", sandbox.rootToken(),
                     HttpLimits.defaults(java.time.Duration.ofSeconds(10)));
             RawHttp stream = new RawHttp("127.0.0.1", server.port())) {
            int port = server.port();
            stream.write(RawHttp.request("GET", "/sse", port, null, "Accept: text/event-stream"));
            Matcher m = Pattern.compile("sessionId=([A-Za-z0-9-]+)").matcher(stream.readUntil("\n\n"));
            assertTrue(m.find(), "no endpoint event");
            String target = "/message?sessionId=" + m.group(1);

            try (RawHttp stranger = new RawHttp("127.0.0.2", port)) {
                stranger.write(RawHttp.request("POST", target, port, INITIALIZE));
                String answer = stranger.readUntil("}}");
                assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
                assertTrue(answer.contains("\"code\":-32002"), answer);
            }
            try (RawHttp owner = new RawHttp("127.0.0.1", port)) {
                owner.write(RawHttp.request("POST", target, port, INITIALIZE));
                int status = owner.status();
                assertTrue(status == 200 || status == 202, "the owner's post answered " + status);
            }
            assertTrue(stream.readUntil("\"id\":5").contains("\"id\":5"), "the owner's initialize was not answered");

            // Before notifications/initialized the SDK would hold a request for ever: it is refused at once.
            try (RawHttp owner = new RawHttp("127.0.0.1", port)) {
                owner.write(RawHttp.request("POST", target, port,
                        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}"));
                String answer = owner.readUntil("}}");
                assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("notifications/initialized"), answer);
            }
            try (RawHttp owner = new RawHttp("127.0.0.1", port)) {
                owner.write(RawHttp.request("POST", target, port,
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
                assertTrue(owner.status() / 100 == 2);
            }
            try (RawHttp owner = new RawHttp("127.0.0.1", port)) {
                owner.write(RawHttp.request("POST", target, port,
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}"));
                assertTrue(owner.status() / 100 == 2);
            }
            assertTrue(stream.readUntil("\"id\":7").contains("\"tools\""), "tools/list answered once initialized");
        }
    }
}
