package dev.hook0mcp.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TimestampedLinesTest {

    private static final long AT = Instant.parse("2026-12-02T04:29:07.053Z").toEpochMilli();

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private PrintStream stream(String zone) {
        return new PrintStream(new TimestampedLines(written, () -> AT, TimeZone.getTimeZone(zone)), true,
                StandardCharsets.UTF_8);
    }

    @Test
    void eachLogLineStartsWithTheLocalTimeOfDay() {
        PrintStream err = stream("UTC");
        err.println("WARN StdioServer - This is a root service token");
        err.println("INFO StdioServer - serving MCP over stdio (31 tools)");
        assertEquals("04:29:07.053 WARN StdioServer - This is a root service token\n"
                + "04:29:07.053 INFO StdioServer - serving MCP over stdio (31 tools)\n", text());
    }

    @Test
    void theTimeIsTheZonesLocalTimeAcrossMidnight() {
        stream("Asia/Tokyo").println("INFO x - y"); // UTC+9
        stream("America/Los_Angeles").println("INFO x - y"); // UTC-8: the previous day
        assertEquals("13:29:07.053 INFO x - y\n20:29:07.053 INFO x - y\n", text());
    }

    @Test
    void aLineWrittenInPiecesIsStampedOnce() {
        PrintStream err = stream("UTC");
        err.print("ERROR Launcher - ");
        err.print("probing failed");
        err.println();
        assertEquals("04:29:07.053 ERROR Launcher - probing failed\n", text());
    }

    @Test
    void stackTraceFramesAndEmptyLinesAreLeftAsTheyAre() {
        PrintStream err = stream("UTC");
        err.print("java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\n  indented\nnext\n");
        assertEquals("04:29:07.053 java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\n  indented\n"
                + "04:29:07.053 next\n", text());
    }

    private String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
