package dev.hook0mcp.server.it;

import dev.hook0mcp.server.logging.RedactingStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an in-process server writes on {@code System.err} (every logger's target), as its process's stderr would
 * show it: installed once under the same redacting stream {@code Main} installs, it copies each line to the
 * recorders open at that moment. In-process servers of a test class run one after another, so a recorder sees
 * its own server's lines (and at most the test's own log lines around them).
 */
final class StandardErrorTap extends OutputStream {

    private static final List<Recorder> OPEN = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private final PrintStream original;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private StandardErrorTap(PrintStream original) {
        this.original = original;
    }

    /** Starts recording stderr lines; close the recorder to stop. */
    static synchronized Recorder record() {
        if (!installed) {
            System.setErr(new PrintStream(new StandardErrorTap(System.err), true, StandardCharsets.UTF_8));
            RedactingStream.installOnStandardError(System.err); // as Main does: loggers write through the redactor
            installed = true;
        }
        Recorder recorder = new Recorder();
        OPEN.add(recorder);
        return recorder;
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        collect(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            collect(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        original.flush();
    }

    private void collect(int b) {
        if (b == '\n') {
            publish();
        } else {
            line.write(b);
        }
    }

    private void publish() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        for (Recorder r : OPEN) {
            r.lines.add(text);
        }
    }

    /** The lines written while it was open. */
    static final class Recorder implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        String text() {
            return String.join("\n", lines);
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }
    }
}
