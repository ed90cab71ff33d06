package dev.hook0mcp.server.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that passes text on through {@link SecretRedactor}. It holds bytes until a flush, a newline
 * or {@link #MAX_HELD_BYTES}, so a secret written in several pieces (PrintStream encodes in 8 KB chunks) is seen
 * whole. Installed as {@code System.err} before any logger exists, it covers every logger at every level:
 * slf4j-simple with {@code logFile=System.err} looks {@code System.err} up on each write (its
 * {@code OutputChoice.SYS_ERR}, unlike {@code CACHED_SYS_ERR}), Jetty and the MCP SDK log through slf4j, and
 * {@code printStackTrace} writes to {@code System.err} too.
 */
public final class RedactingStream extends OutputStream {

    static final int MAX_HELD_BYTES = 1 << 20;

    private final OutputStream target;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(512);

    public RedactingStream(OutputStream target) {
        this.target = target;
    }

    /** A UTF-8, auto-flushing PrintStream that redacts everything written to it before it reaches {@code target}. */
    public static PrintStream printStream(OutputStream target) {
        return new PrintStream(new RedactingStream(target), true, StandardCharsets.UTF_8);
    }

    /** Points {@code System.err} at a redacting stream over {@code target}; call before any logging. */
    public static synchronized void installOnStandardError(OutputStream target) {
        if (!(System.err instanceof Installed)) {
            System.setErr(new Installed(new RedactingStream(target)));
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        held.write(b);
        if (b == '\n' || held.size() >= MAX_HELD_BYTES) {
            release();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        held.write(bytes, offset, length);
        if (held.size() >= MAX_HELD_BYTES) {
            release();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        release();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void release() throws IOException {
        if (held.size() == 0) {
            return;
        }
        String text = held.toString(StandardCharsets.UTF_8);
        held.reset();
        target.write(SecretRedactor.redact(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Marks the installed stream, so installing twice does not stack. */
    private static final class Installed extends PrintStream {
        Installed(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}
