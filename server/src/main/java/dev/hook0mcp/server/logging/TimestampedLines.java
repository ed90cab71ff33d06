package dev.hook0mcp.server.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.TimeZone;
import java.util.function.LongSupplier;

/**
 * Starts each line written through it with the local time of day, {@code HH:mm:ss.SSS }, as log lines are read.
 * Lines that begin with white space (the frames of a stack trace) and empty lines are left as they are.
 *
 * <p>Log lines get their time here rather than from slf4j-simple's {@code dateTimeFormat}: that one builds a
 * {@code SimpleDateFormat}, whose calendar and locale data cost about 40 ms of every start (a tenth of it);
 * this costs the default time zone's look-up and a few arithmetic operations a line.
 */
public final class TimestampedLines extends OutputStream {

    private static final long DAY_MS = 86_400_000L;

    private final OutputStream target;
    private final LongSupplier clock;
    private final TimeZone zone;
    private final byte[] stamp = "00:00:00.000 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private boolean atLineStart = true;

    public TimestampedLines(OutputStream target) {
        this(target, System::currentTimeMillis, TimeZone.getDefault());
    }

    TimestampedLines(OutputStream target, LongSupplier clock, TimeZone zone) {
        this.target = target;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int pending = offset;
        for (int i = offset; i < end; i++) {
            if (atLineStart) {
                atLineStart = false;
                if (!Character.isWhitespace(bytes[i])) {
                    target.write(bytes, pending, i - pending);
                    pending = i;
                    target.write(stamp());
                }
            }
            if (bytes[i] == '\n') {
                atLineStart = true;
            }
        }
        target.write(bytes, pending, end - pending);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        target.close();
    }

    private byte[] stamp() {
        long now = clock.getAsLong();
        long ms = Math.floorMod(now + zone.getOffset(now), DAY_MS);
        put(0, ms / 3_600_000);
        put(3, ms / 60_000 % 60);
        put(6, ms / 1_000 % 60);
        long millis = ms % 1_000;
        stamp[9] = (byte) ('0' + millis / 100);
        put(10, millis % 100);
        return stamp;
    }

    private void put(int at, long twoDigits) {
        stamp[at] = (byte) ('0' + twoDigits / 10);
        stamp[at + 1] = (byte) ('0' + twoDigits % 10);
    }
}
