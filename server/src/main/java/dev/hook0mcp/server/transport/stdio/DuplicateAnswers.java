package dev.hook0mcp.server.transport.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Stdout under {@link ResponseWatcher}: passes every line through, except the SDK's answer to a request that
 * {@link EarlyAnswers} answered already (its {@code initialize}), which the client must not get twice. Lines
 * are held back only while such an answer is awaited.
 */
final class DuplicateAnswers extends OutputStream {

    private final OutputStream target;
    private final Set<String> awaited = new HashSet<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

    DuplicateAnswers(OutputStream target) {
        this.target = target;
    }

    /** The next answer to this request id ({@link InFlightRequests#key}) is not written. */
    synchronized void drop(String idKey) {
        awaited.add(idKey);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (awaited.isEmpty() && line.size() == 0) {
            target.write(bytes, offset, length);
            return;
        }
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                byte[] complete = line.toByteArray();
                line.reset();
                String id = ResponseWatcher.answerId(complete, 0, complete.length - 1);
                if (id == null || !awaited.remove(id)) {
                    target.write(complete);
                }
                start = i + 1;
                if (awaited.isEmpty()) {
                    target.write(bytes, start, offset + length - start);
                    return;
                }
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
