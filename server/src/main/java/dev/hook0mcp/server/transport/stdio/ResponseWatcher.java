package dev.hook0mcp.server.transport.stdio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Stdout as the SDK and {@link StdioGuard} write to it: bytes pass through unchanged, and each complete line that
 * is a JSON-RPC response marks its request answered in {@link InFlightRequests}.
 */
final class ResponseWatcher extends OutputStream {

    /** Not the shared ObjectMapper's: this runs before that is set up when {@link EarlyAnswers} answers. */
    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream target;
    private final InFlightRequests inFlight;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

    ResponseWatcher(OutputStream target, InFlightRequests inFlight) {
        this.target = target;
        this.inFlight = inFlight;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        target.write(b);
        see(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
        see(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }

    private void see(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                answered(line.toByteArray());
                line.reset();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void answered(byte[] message) {
        String id = answerId(message, 0, message.length);
        if (id != null) {
            inFlight.answered(id);
        }
    }

    /**
     * The {@link InFlightRequests#key} of the request a JSON-RPC response line answers; null for any other line.
     * Reads only what it needs — the top-level {@code id} and whether the line carries a {@code result} or an
     * {@code error} rather than a {@code method} — and stops there: the result itself (up to the size budget) is
     * skipped, never built into a tree.
     */
    static String answerId(byte[] message, int offset, int length) {
        String id = null;
        boolean reply = false;
        try (JsonParser parser = JSON.createParser(message, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "method" -> {
                        return null;
                    }
                    case "id" -> id = value == JsonToken.VALUE_STRING ? InFlightRequests.key(true, parser.getText())
                            : value == JsonToken.VALUE_NUMBER_INT ? InFlightRequests.key(false, parser.getText())
                            : null;
                    case "result", "error" -> {
                        reply = true;
                        parser.skipChildren();
                    }
                    default -> parser.skipChildren();
                }
                if (reply && id != null) {
                    break;
                }
            }
        } catch (IOException e) {
            return null; // not JSON: nothing to clear
        }
        return reply ? id : null;
    }
}
