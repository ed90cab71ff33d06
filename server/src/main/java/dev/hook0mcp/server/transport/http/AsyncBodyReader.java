package dev.hook0mcp.server.transport.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads a request body without holding a thread while it arrives, up to a size cap and within a deadline, then
 * dispatches the request again with the body as an attribute. A body trickling in a byte at a time therefore
 * costs a connection, not one of Jetty's threads, and is answered 408 when its deadline passes.
 */
final class AsyncBodyReader implements ReadListener {

    static final String BODY = AsyncBodyReader.class.getName() + ".body";
    static final String TOO_LARGE = AsyncBodyReader.class.getName() + ".tooLarge";

    private final AsyncContext async;
    private final ServletInputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private boolean done;

    private AsyncBodyReader(AsyncContext async, ServletInputStream in, int maxBytes) {
        this.async = async;
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Starts reading; {@code end} is told when the whole exchange ends, however it ends. */
    static void start(HttpServletRequest request, int maxBytes, long deadlineMillis, AsyncListener end)
            throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(deadlineMillis);
        async.addListener(end);
        AsyncBodyReader reader = new AsyncBodyReader(async, request.getInputStream(), maxBytes);
        async.addListener(reader.deadline());
        reader.in.setReadListener(reader);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            body.write(buffer, 0, n);
            if (body.size() > maxBytes) {
                finish(TOO_LARGE, Boolean.TRUE);
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        finish(BODY, body.toByteArray());
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        try {
            async.complete(); // the client went away or the connection timed out: nobody to answer
        } catch (IllegalStateException ignored) {
            // already completing
        }
    }

    private void finish(String attribute, Object value) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        async.getRequest().setAttribute(attribute, value);
        async.dispatch();
    }

    private AsyncListener deadline() {
        return new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                synchronized (AsyncBodyReader.this) {
                    if (done) {
                        return;
                    }
                    done = true;
                }
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                response.setHeader("Connection", "close");
                JsonRpcErrors.send(response, 408, JsonRpcErrors.INVALID_REQUEST,
                        "Request Timeout: the request body did not arrive in time");
                async.complete();
            }

            @Override
            public void onComplete(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        };
    }
}
