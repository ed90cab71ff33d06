package dev.hook0mcp.server.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail (HOOK0_AUDIT_LOG): one JSON line per call, written by one writer thread so that a call never
 * waits for the disk. A call only puts its line in a bounded queue; when the queue is full the line is dropped
 * and counted (one warning, the count again at close). When the file cannot be written, one warning on stderr
 * and calls go on; lines are lost until it can be written again.
 */
public final class AuditLog implements AutoCloseable {

    /** Lines waiting at most for the writer (a few MB at worst). */
    static final int QUEUE_LINES = 10_000;
    /** How long close waits for the writer to write what is queued. */
    private static final long DRAIN_MILLIS = 3_000;
    private static final byte[] STOP = new byte[0];

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** No audit log: nothing is recorded, nothing is written. */
    public static final AuditLog OFF = new AuditLog();

    private final String target;
    private final AuditSink sink;
    private final BlockingQueue<byte[]> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private final AtomicBoolean warnedWrite = new AtomicBoolean();

    private AuditLog() {
        this.target = null;
        this.sink = null;
        this.queue = null;
        this.writer = null;
    }

    AuditLog(String target, AuditSink sink, int capacity) {
        this.target = target;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "hook0-mcp-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The audit log {@code target} names: null or blank for none, {@code -} for stderr, else a file path. The
     * file is opened now, so a problem is reported at start (the server still starts).
     */
    public static AuditLog open(String target, long maxBytes, PrintStream stderr) {
        if (target == null || target.isBlank()) {
            return OFF;
        }
        if (target.equals("-")) {
            return new AuditLog("stderr", new StreamSink(stderr), QUEUE_LINES);
        }
        AuditFile file;
        try {
            file = new AuditFile(Path.of(target), maxBytes);
        } catch (InvalidPathException e) {
            log.warn("audit log {} is not a usable path ({}); no audit records will be written", target,
                    e.getReason());
            return OFF;
        }
        IOException unwritable = null;
        try {
            file.open(); // before the writer thread exists: from then on only that thread touches the file
            if (file.readableByOthers()) {
                log.warn("audit log {} is readable by other users; make it owner-only (chmod 600)", target);
            }
        } catch (IOException e) {
            unwritable = e;
        }
        AuditLog audit = new AuditLog(target, file, QUEUE_LINES);
        if (unwritable != null) {
            audit.cannotWrite(unwritable); // the writer tries again at each line, without another warning
        }
        return audit;
    }

    public boolean enabled() {
        return sink != null;
    }

    /** Queues one record (a JSON object without newline); never blocks. */
    public void append(String record) {
        if (!enabled()) {
            return;
        }
        if (!queue.offer((record + "\n").getBytes(StandardCharsets.UTF_8))) {
            dropped.incrementAndGet();
            if (warnedFull.compareAndSet(false, true)) {
                log.warn("audit log {} falls behind: {} records wait; further records are dropped and counted",
                        target, QUEUE_LINES);
            }
        }
    }

    /** Records dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued (for a few seconds at most), then stops the writer. */
    @Override
    public void close() {
        if (!enabled()) {
            return;
        }
        try {
            if (queue.offer(STOP, DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                writer.join(DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() > 0) {
            log.warn("audit log {}: {} records were dropped because writing fell behind", target, dropped.get());
        }
    }

    private void drain() {
        try {
            while (true) {
                byte[] line = queue.take();
                if (line == STOP) {
                    break;
                }
                try {
                    sink.write(line);
                } catch (IOException | RuntimeException e) {
                    cannotWrite(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.close();
        }
    }

    private void cannotWrite(Exception e) {
        if (warnedWrite.compareAndSet(false, true)) {
            log.warn("audit log {} cannot be written ({}); calls go on, and their records are lost until it can",
                    target, describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** {@code --audit-log -}: lines on stderr, beside the logs. */
    private static final class StreamSink implements AuditSink {
        private final PrintStream stream;

        StreamSink(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(byte[] line) throws IOException {
            stream.write(line);
            stream.flush();
            if (stream.checkError()) {
                throw new IOException("stderr is closed");
            }
        }

        @Override
        public void close() {
            stream.flush();
        }
    }
}
