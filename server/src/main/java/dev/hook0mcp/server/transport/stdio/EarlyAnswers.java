package dev.hook0mcp.server.transport.stdio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hook0mcp.server.mcp.HandshakeAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Answers a client's {@code initialize} and {@code tools/list} from the {@link HandshakeCache} while the server is
 * still starting, so a restarted server lists its tools as soon as the JVM runs. It reads stdin on its own thread
 * from the first byte, and hands every line on, in order, to what reads {@link #input()} (the {@link StdioGuard}
 * in front of the SDK), except a {@code tools/list} it answered:
 * <ul>
 *   <li>{@code initialize} asking for a protocol version the cache has a result for: answered here, then handed on
 *       as well, so the SDK's session is initialised as usual; the SDK's own answer to it is dropped
 *       ({@link DuplicateAnswers});</li>
 *   <li>then {@code notifications/initialized}: handed on;</li>
 *   <li>then {@code tools/list} without a cursor: answered here and not handed on.</li>
 * </ul>
 * Anything else (another method, a line it does not fully understand, a very long line) ends its part: that line
 * and everything after it go to the SDK as if this class were not there. A request it answers is one it has read
 * whole as a well-formed JSON-RPC request: the checks the SDK and {@link StdioGuard} make stay theirs.
 */
final class EarlyAnswers {

    private static final int MAX_LINE_BYTES = 64 * 1024;
    /** Queue markers, compared by identity: from here on read stdin itself; stdin has ended. */
    private static final byte[] HAND_OVER = new byte[0];
    private static final byte[] END_OF_INPUT = new byte[0];
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final HandshakeAnswers answers;
    private final InputStream stdin;
    private final OutputStream out;
    private final DuplicateAnswers duplicates;
    private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private volatile String initializeAnswered;
    private volatile String toolsListAnswered;
    private boolean serverReady;

    /**
     * @param out the stream the SDK writes to and locks; answers are written under the same lock
     * @param duplicates under {@code out}: told which of the SDK's answers to drop
     */
    private EarlyAnswers(HandshakeAnswers answers, InputStream stdin, OutputStream out,
            DuplicateAnswers duplicates) {
        this.answers = answers;
        this.stdin = stdin;
        this.out = out;
        this.duplicates = duplicates;
    }

    static EarlyAnswers start(HandshakeAnswers answers, InputStream stdin, OutputStream out,
            DuplicateAnswers duplicates) {
        EarlyAnswers early = new EarlyAnswers(answers, stdin, out, duplicates);
        Thread reader = new Thread(early::readEarlyLines, "hook0-mcp-early-answers");
        reader.setDaemon(true);
        reader.start();
        return early;
    }

    /** Stdin as the rest of the server reads it: every line, in order, but the tools/list answered here. */
    InputStream input() {
        return new Replay();
    }

    /** The initialize result sent from the cache (the protocol version it was for is {@link #initializeVersion}). */
    Optional<String> initializeSent() {
        String version = initializeAnswered;
        return version == null ? Optional.empty() : Optional.of(answers.initialize().get(version));
    }

    Optional<String> initializeVersion() {
        return Optional.ofNullable(initializeAnswered);
    }

    /** The tools/list result sent from the cache, if one was. */
    Optional<String> toolsListSent() {
        return Optional.ofNullable(toolsListAnswered);
    }

    private void readEarlyLines() {
        try {
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream(512);
                int b;
                while ((b = stdin.read()) != -1 && b != '\n') {
                    line.write(b);
                    if (line.size() > MAX_LINE_BYTES) {
                        lines.put(line.toByteArray());
                        lines.put(HAND_OVER);
                        return;
                    }
                }
                if (b == -1) {
                    if (line.size() > 0) {
                        lines.put(line.toByteArray());
                    }
                    lines.put(END_OF_INPUT);
                    return;
                }
                line.write('\n');
                byte[] bytes = line.toByteArray();
                Step step = answer(bytes);
                if (step != Step.ANSWERED_ONLY) {
                    lines.put(bytes);
                }
                if (step != Step.GO_ON) {
                    lines.put(HAND_OVER);
                    return;
                }
            }
        } catch (IOException e) {
            lines.add(HAND_OVER); // the reader behind meets the same failure and handles it as it always does
        } catch (InterruptedException e) {
            lines.add(HAND_OVER);
            Thread.currentThread().interrupt();
        }
    }

    private enum Step { GO_ON, ANSWERED_ONLY, HAND_OVER }

    /**
     * The server is built and answers for itself from now on: a line read after this goes to it. Once this has
     * returned, what {@link #initializeSent} and {@link #toolsListSent} say is final.
     */
    synchronized void serverReady() {
        serverReady = true;
    }

    private synchronized Step answer(byte[] line) throws IOException {
        Request request = serverReady ? null : Request.read(line);
        if (request == null) {
            return Step.HAND_OVER;
        }
        if (initializeAnswered == null && request.method.equals("initialize") && request.initializeParamsOk
                && answers.initialize().containsKey(request.protocolVersion)) {
            send(request, answers.initialize().get(request.protocolVersion), true);
            initializeAnswered = request.protocolVersion;
            return Step.GO_ON;
        }
        if (initializeAnswered != null && request.id == null && request.method.equals("notifications/initialized")) {
            return Step.GO_ON;
        }
        if (initializeAnswered != null && request.id != null && request.method.equals("tools/list")
                && !request.otherParams) {
            send(request, answers.toolsList(), false);
            toolsListAnswered = answers.toolsList();
            return Step.ANSWERED_ONLY;
        }
        return Step.HAND_OVER;
    }

    private void send(Request request, String result, boolean sdkAnswersToo) throws IOException {
        byte[] bytes = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.id + ",\"result\":" + result + "}\n")
                .getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
            if (sdkAnswersToo) {
                duplicates.drop(request.idKey);
            }
        }
    }

    /**
     * What this class reads of one line: a JSON-RPC 2.0 object with a string method, an id that is a string or a
     * 64-bit integer (as JSON text, to write back), and the parts of the params its answers depend on.
     */
    private static final class Request {
        String method;
        String id;
        String idKey;
        boolean jsonrpc;
        String protocolVersion;
        boolean initializeParamsOk;
        boolean otherParams;

        /** Null when the line is anything but such a request or notification. */
        static Request read(byte[] line) {
            Request r = new Request();
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                boolean hasParams = false;
                boolean clientInfo = false;
                boolean capabilities = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "jsonrpc" -> {
                            if (value != JsonToken.VALUE_STRING || !p.getText().equals("2.0")) {
                                return null;
                            }
                            r.jsonrpc = true;
                        }
                        case "method" -> {
                            if (value != JsonToken.VALUE_STRING) {
                                return null;
                            }
                            r.method = p.getText();
                        }
                        case "id" -> {
                            if (value == JsonToken.VALUE_STRING) {
                                r.id = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(p.getText()))
                                        + "\"";
                                r.idKey = InFlightRequests.key(true, p.getText());
                            } else if (value == JsonToken.VALUE_NUMBER_INT
                                    && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                                r.id = Long.toString(p.getLongValue());
                                r.idKey = InFlightRequests.key(false, r.id);
                            } else {
                                return null;
                            }
                        }
                        case "params" -> {
                            if (value != JsonToken.START_OBJECT) {
                                return null;
                            }
                            hasParams = true;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String param = p.currentName();
                                JsonToken v = p.nextToken();
                                switch (param) {
                                    case "protocolVersion" -> r.protocolVersion =
                                            v == JsonToken.VALUE_STRING ? p.getText() : null;
                                    case "capabilities" -> capabilities = v == JsonToken.START_OBJECT;
                                    case "clientInfo" -> clientInfo = v == JsonToken.START_OBJECT && clientInfo(p);
                                    case "_meta" -> { }
                                    default -> r.otherParams = true; // a cursor, or something not known here
                                }
                                if (p.currentToken() == JsonToken.START_OBJECT
                                        || p.currentToken() == JsonToken.START_ARRAY) {
                                    p.skipChildren();
                                }
                            }
                        }
                        default -> {
                            return null; // result, error, or a field a request does not have
                        }
                    }
                }
                if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || !r.jsonrpc
                        || r.method == null) {
                    return null;
                }
                r.initializeParamsOk = r.id != null && hasParams && r.protocolVersion != null && capabilities
                        && clientInfo && !r.otherParams;
                return r;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** clientInfo with a string name and version, as the SDK's schema asks; leaves the parser on its end. */
        private static boolean clientInfo(JsonParser p) throws IOException {
            boolean name = false;
            boolean version = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("name")) {
                    name = v == JsonToken.VALUE_STRING;
                } else if (field.equals("version")) {
                    version = v == JsonToken.VALUE_STRING;
                }
                p.skipChildren();
            }
            return name && version;
        }
    }

    /** The lines read here, then stdin itself once this class has handed over. */
    private final class Replay extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean direct;
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (!next()) {
                return direct ? stdin.read() : -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!next()) {
                return direct ? stdin.read(buffer, offset, length) : -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** True when bytes read here are waiting; false at end of input or once stdin is read directly. */
        private boolean next() throws IOException {
            while (position >= current.length) {
                if (direct || ended) {
                    return false;
                }
                byte[] taken;
                try {
                    taken = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for stdin");
                }
                if (taken == HAND_OVER) {
                    direct = true;
                } else if (taken == END_OF_INPUT) {
                    ended = true;
                } else {
                    current = taken;
                    position = 0;
                }
            }
            return true;
        }
    }
}
