package dev.hook0mcp.server.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response handed to the SDK's transport servlets. The SDK answers errors either with {@code sendError}
 * (Jetty renders an HTML or JSON page) or by writing its {@code McpError} exception serialised as JSON, stack
 * trace included. Both become a short JSON-RPC error here. It also reports the session id the SDK hands out: the
 * {@code Mcp-Session-Id} header (Streamable HTTP) or the {@code sessionId} of the SSE endpoint event.
 */
final class SdkResponse extends HttpServletResponseWrapper {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Pattern SSE_SESSION = Pattern.compile("sessionId=([A-Za-z0-9._~-]+)");

    private final Consumer<String> onSession;
    private final boolean sniffSse;
    private int status = SC_OK;
    private PrintWriter writer;
    private StringWriter captured;
    private boolean sessionSeen;
    private boolean errorSent;
    private boolean coalesce;

    SdkResponse(HttpServletResponse response, boolean sniffSse, Consumer<String> onSession) {
        super(response);
        this.sniffSse = sniffSse;
        this.onSession = onSession;
    }

    /**
     * For a POST's answer: the flush the SDK makes right after writing a JSON-RPC response is held back, because
     * on a POST's stream the response is the last message and the request completes right after it. Jetty then
     * sends the whole answer at once, as one write with a Content-Length, instead of a chunk now and the final
     * chunk a moment later (a third less CPU in the kernel for each call). Notifications and requests sent before
     * the response (progress, elicitation) are still flushed as they come.
     */
    SdkResponse coalescingFinalResponse() {
        coalesce = true;
        return this;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        if (sc < 400) {
            super.setStatus(sc);
        }
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        errorSent = true;
        JsonRpcErrors.send((HttpServletResponse) getResponse(), sc, JsonRpcErrors.codeFor(sc),
                JsonRpcErrors.publicMessage(sc, msg));
    }

    @Override
    public void setHeader(String name, String value) {
        noteSession(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        noteSession(name, value);
        super.addHeader(name, value);
    }

    private void noteSession(String name, String value) {
        if (SESSION_HEADER.equalsIgnoreCase(name) && value != null && !sessionSeen) {
            sessionSeen = true;
            onSession.accept(value);
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer != null) {
            return writer;
        }
        if (status >= 400) {
            captured = new StringWriter();
            writer = new PrintWriter(new ErrorRewriter(captured));
        } else if (sniffSse) {
            writer = new PrintWriter(new SessionSniffer(super.getWriter()));
        } else if (coalesce) {
            writer = new PrintWriter(new FinalResponseCoalescer(super.getWriter()));
        } else {
            writer = super.getWriter();
        }
        return writer;
    }

    /** Writes what the SDK wrote as an error (or an error status without a body), once, in our shape. */
    void finish() throws IOException {
        if (status >= 400 && !errorSent) {
            errorSent = true;
            String text = captured == null ? "" : captured.toString();
            captured = null;
            int code = JsonRpcErrors.codeFor(status);
            String message = null;
            try {
                JsonNode error = Json.MAPPER.readTree(text);
                JsonNode rpc = error.path("jsonRpcError");
                if (rpc.path("code").isInt()) {
                    code = rpc.path("code").asInt();
                }
                message = rpc.path("message").asText(error.path("message").asText(null));
            } catch (IOException | RuntimeException e) {
                // not JSON: the generic message for the status is used
            }
            JsonRpcErrors.send((HttpServletResponse) getResponse(), status, code,
                    JsonRpcErrors.publicMessage(status, message));
        }
    }

    /** Collects the SDK's error text and rewrites it on flush (the SDK flushes right after writing). */
    private final class ErrorRewriter extends Writer {
        private final StringWriter into;

        ErrorRewriter(StringWriter into) {
            this.into = into;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            into.write(cbuf, off, len);
        }

        @Override
        public void flush() throws IOException {
            finish();
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }

    /** Passes SSE text through and reports the session id of the first endpoint event. */
    private final class SessionSniffer extends Writer {
        private final PrintWriter out;
        private final StringBuilder head = new StringBuilder();

        SessionSniffer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (!sessionSeen && head.length() < 4096) {
                head.append(cbuf, off, len);
                Matcher m = SSE_SESSION.matcher(head);
                if (m.find() && head.indexOf("\n", m.end()) >= 0) {
                    sessionSeen = true;
                    onSession.accept(m.group(1));
                }
            }
            out.write(cbuf, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }
    }

    /** Passes the SDK's text through, holding back the flush after a JSON-RPC response (as JSON or an SSE event). */
    private static final class FinalResponseCoalescer extends Writer {
        // the SDK's records serialise jsonrpc first, then id only in a response (a request has its method first)
        private static final String RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":";
        private static final String SSE_DATA = "data: ";
        private final PrintWriter out;
        private boolean holdFlush;

        FinalResponseCoalescer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(String text, int off, int len) {
            if (text.startsWith(SSE_DATA, off)) {
                holdFlush = text.startsWith(RESPONSE, off + SSE_DATA.length());
            } else if (text.startsWith("{", off)) {
                holdFlush = text.startsWith(RESPONSE, off);
            }
            out.write(text, off, len);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            write(new String(cbuf, off, len), 0, len);
        }

        @Override
        public void flush() {
            if (!holdFlush) {
                out.flush();
            }
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
