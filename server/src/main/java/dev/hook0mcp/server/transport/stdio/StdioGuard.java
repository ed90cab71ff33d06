package dev.hook0mcp.server.transport.stdio;

import dev.hook0mcp.server.mcp.JsonRpcLineCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between stdin and the SDK's stdio transport. It passes well-formed JSON-RPC lines through, answers a
 * malformed line itself with a JSON-RPC error (written to stdout under the same lock the SDK writes with), skips
 * blank lines, and refuses lines above a size cap — so one bad line never ends the session. A line the SDK could
 * not turn into a message (an id beyond 64 bits, ...) is answered here too: the SDK would close the session and
 * stop reading stdin. It records every request it hands on in {@link InFlightRequests}; at end of input it waits
 * until they are all answered (at most the grace period) before it reports the end to the SDK — which stops
 * sending answers once it sees it — and runs {@code onEnd}. After {@link #stop()} no new request goes to the SDK.
 */
public final class StdioGuard extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(StdioGuard.class);
    static final int SHUTTING_DOWN = -32000;

    private final InputStream in;
    private final OutputStream out;
    private final int maxLineBytes;
    private final Runnable onEnd;
    private final InFlightRequests inFlight;
    private final Duration grace;
    private final McpJsonMapper sdkMapper = new JacksonMcpJsonMapper(Json.MAPPER);
    private volatile boolean stopping;
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean ended;
    /** Read on the one thread that reads stdin. */
    private boolean initializeSeen;
    private boolean initialized;

    /**
     * @param out the very stream object the SDK transport writes to (it synchronizes on it)
     */
    StdioGuard(InputStream in, OutputStream out, int maxLineBytes, Runnable onEnd, InFlightRequests inFlight,
            Duration grace) {
        this.in = in;
        this.out = out;
        this.maxLineBytes = maxLineBytes;
        this.onEnd = onEnd;
        this.inFlight = inFlight;
        this.grace = grace;
    }

    public StdioGuard(InputStream in, OutputStream out, int maxLineBytes, Runnable onEnd) {
        this(in, out, maxLineBytes, onEnd, new InFlightRequests(), Duration.ZERO);
    }

    boolean endOfInput() {
        return ended;
    }

    /** From now on requests are answered "shutting down" instead of going to the SDK. */
    void stop() {
        stopping = true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    private boolean fill() throws IOException {
        while (position >= current.length) {
            if (ended) {
                return false;
            }
            Line line = readLine();
            if (line == null) {
                ended = true;
                drainAtEnd();
                onEnd.run();
                return false;
            }
            if (line.tooLong) {
                reply(JsonRpcLineCheck.error(null, JsonRpcLineCheck.INVALID_REQUEST,
                        "Invalid Request: message larger than " + maxLineBytes + " bytes"));
                continue;
            }
            String text = new String(line.bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                continue;
            }
            JsonRpcLineCheck.Checked checked = JsonRpcLineCheck.check(line.bytes, text);
            Optional<ObjectNode> problem = checked.problem();
            if (problem.isPresent()) {
                log.warn("answered a malformed JSON-RPC line with error {}", problem.get().path("error").path("code"));
                reply(problem.get());
                continue;
            }
            JsonNode message = checked.message();
            Optional<ObjectNode> refused = sdkCannotTake(message, text);
            if (refused.isPresent()) {
                reply(refused.get());
                continue;
            }
            JsonNode id = message.get("id");
            boolean request = message.has("method") && id != null;
            if (stopping) {
                if (request) {
                    reply(JsonRpcLineCheck.error(id, SHUTTING_DOWN, "the server is shutting down"));
                }
                continue;
            }
            Optional<ObjectNode> beforeInitialization = lifecycle(message, request, id);
            if (beforeInitialization.isPresent()) {
                reply(beforeInitialization.get());
                continue;
            }
            if (request) {
                inFlight.started(id);
            }
            byte[] withNewline = new byte[line.bytes.length + 1];
            System.arraycopy(line.bytes, 0, withNewline, 0, line.bytes.length);
            withNewline[line.bytes.length] = '\n';
            current = withNewline;
            position = 0;
        }
        return true;
    }

    /**
     * What the SDK does not do right before the session is initialised (it holds every request until
     * {@code notifications/initialized}): a {@code ping}, which the spec allows at any time, is answered here until
     * then, and a request other than {@code initialize} sent before any {@code initialize} is refused, not held
     * and run later as if the client had initialised.
     */
    private Optional<ObjectNode> lifecycle(JsonNode message, boolean request, JsonNode id) {
        String method = message.path("method").asText("");
        if (!request) {
            if ("notifications/initialized".equals(method)) {
                initialized = true;
            }
            return Optional.empty();
        }
        if ("initialize".equals(method)) {
            initializeSeen = true;
            return Optional.empty();
        }
        if ("ping".equals(method) && !initialized) {
            ObjectNode pong = Json.object().put("jsonrpc", "2.0");
            pong.set("id", id);
            pong.putObject("result");
            return Optional.of(pong);
        }
        if (!initializeSeen) {
            return Optional.of(JsonRpcLineCheck.error(id, JsonRpcLineCheck.INVALID_REQUEST,
                    "Invalid Request: send initialize first (" + method + " came before it)"));
        }
        return Optional.empty();
    }

    /**
     * The SDK's own reading of the line: what it refuses here would close the session on its side, so it is
     * answered here instead (JsonRpcLineCheck already refuses every case known today; this is the safety net).
     */
    private Optional<ObjectNode> sdkCannotTake(JsonNode message, String text) {
        try {
            McpSchema.deserializeJsonRpcMessage(sdkMapper, text);
            return Optional.empty();
        } catch (Exception e) {
            log.warn("answered a JSON-RPC line the SDK cannot read: {}", e.getClass().getSimpleName());
            JsonNode id = message.get("id");
            JsonNode replyId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
            return Optional.of(JsonRpcLineCheck.error(replyId, JsonRpcLineCheck.INVALID_REQUEST,
                    "Invalid Request: the message does not fit the JSON-RPC schema"));
        }
    }

    /** The SDK stops answering once it sees the end of input: first let what it took be answered. */
    private void drainAtEnd() {
        try {
            inFlight.drain(grace); // the server says what is still unanswered once the grace period is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Line(byte[] bytes, boolean tooLong) {}

    private Line readLine() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (buffer.size() < maxLineBytes) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (!any) {
            return null;
        }
        byte[] bytes = buffer.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, len - 1);
        }
        return new Line(bytes, tooLong);
    }

    private void reply(ObjectNode error) throws IOException {
        byte[] bytes = (Json.compact(error) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }
}
