package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.engine.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between stdin and the SDK's stdio transport. It passes well-formed JSON-RPC lines through, answers a
 * malformed line itself with a JSON-RPC error (written to stdout under the same lock the SDK writes with), skips
 * blank lines, and refuses lines above a size cap — so one bad line never ends the session. At end of input it
 * runs {@code onEnd}. An interceptor may answer a well-formed message itself (see {@link HiddenToolCalls}).
 */
public final class StdioGuard extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(StdioGuard.class);

    private final InputStream in;
    private final OutputStream out;
    private final int maxLineBytes;
    private final Runnable onEnd;
    private final Function<JsonNode, Optional<ObjectNode>> interceptor;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /**
     * @param out         the very stream object the SDK transport writes to (it synchronizes on it)
     * @param interceptor given each well-formed message, returns a reply to send instead of passing it on
     */
    public StdioGuard(InputStream in, OutputStream out, int maxLineBytes, Runnable onEnd,
            Function<JsonNode, Optional<ObjectNode>> interceptor) {
        this.in = in;
        this.out = out;
        this.maxLineBytes = maxLineBytes;
        this.onEnd = onEnd;
        this.interceptor = interceptor;
    }

    public StdioGuard(InputStream in, OutputStream out, int maxLineBytes, Runnable onEnd) {
        this(in, out, maxLineBytes, onEnd, message -> Optional.empty());
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
            Optional<ObjectNode> problem = JsonRpcLineCheck.problem(text);
            if (problem.isPresent()) {
                log.warn("answered a malformed JSON-RPC line with error {}", problem.get().path("error").path("code"));
                reply(problem.get());
                continue;
            }
            Optional<ObjectNode> answer = interceptor.apply(Json.MAPPER.readTree(text));
            if (answer.isPresent()) {
                reply(answer.get());
                continue;
            }
            byte[] withNewline = new byte[line.bytes.length + 1];
            System.arraycopy(line.bytes, 0, withNewline, 0, line.bytes.length);
            withNewline[line.bytes.length] = '\n';
            current = withNewline;
            position = 0;
        }
        return true;
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
