package dev.hook0mcp.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log never holds up a call: lines go through a bounded queue to one writer; a full queue drops and
 * counts, a file that cannot be written gets one warning on stderr.
 */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void noTargetIsOff() {
        assertFalse(AuditLog.open(null, 1024, System.err).enabled());
        assertFalse(AuditLog.open("  ", 1024, System.err).enabled());
        AuditLog.OFF.append("{}");
        AuditLog.OFF.close();
    }

    @Test
    void recordsAreWrittenInOrderOnePerLine() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        AuditLog log = AuditLog.open(path.toString(), 1024 * 1024, System.err);
        for (int i = 0; i < 100; i++) {
            log.append("{\"n\":" + i + "}");
        }
        log.close();
        List<String> lines = Files.readAllLines(path);
        assertEquals(100, lines.size());
        assertEquals("{\"n\":99}", lines.get(99));
    }

    @Test
    void dashIsStderr() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuditLog log = AuditLog.open("-", 1024, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.append("{\"a\":1}");
        log.close();
        assertEquals("{\"a\":1}\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenTheWriterFallsBehindRecordsAreDroppedAndCountedWithoutWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        AuditSink stuck = new AuditSink() {
            @Override
            public void write(byte[] line) {
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
            }
        };
        AuditLog log = new AuditLog("test", stuck, 2);
        log.append("{\"n\":0}"); // taken by the writer, which then hangs
        assertTrue(writing.await(5, TimeUnit.SECONDS));
        String warnings = stderrOf(() -> {
            for (int i = 1; i <= 10; i++) {
                log.append("{\"n\":" + i + "}"); // 2 fit in the queue, 8 are dropped at once
            }
        });
        assertEquals(8, log.dropped());
        assertEquals(1, count(warnings, "falls behind"), warnings);
        release.countDown();
        log.close();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aReadOnlyFileGetsOneWarningAndAppendingGoesOn() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        Files.writeString(path, "");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r--------"));
        Assumptions.assumeFalse(Files.isWritable(path), "root may write a read-only file; see the directory test");
        String warnings = stderrOf(() -> {
            AuditLog log = AuditLog.open(path.toString(), 1024, System.err);
            for (int i = 0; i < 5; i++) {
                log.append("{\"n\":" + i + "}");
            }
            log.close();
        });
        assertEquals(1, count(warnings, "cannot be written"), warnings);
        assertEquals("", Files.readString(path));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskGetsOneWarning() {
        String warnings = stderrOf(() -> {
            AuditLog log = AuditLog.open("/dev/full", 1024, System.err);
            for (int i = 0; i < 5; i++) {
                log.append("{\"n\":" + i + "}");
            }
            log.close();
        });
        assertEquals(1, count(warnings, "cannot be written"), warnings);
    }

    @Test
    void aPathThatIsADirectoryGetsOneWarning() {
        String warnings = stderrOf(() -> {
            AuditLog log = AuditLog.open(dir.toString(), 1024, System.err);
            for (int i = 0; i < 5; i++) {
                log.append("{\"n\":" + i + "}");
            }
            log.close();
        });
        assertEquals(1, count(warnings, "cannot be written"), warnings);
    }

    @Test
    void aDirectoryThatDoesNotExistGetsOneWarningAtStart() {
        String warnings = stderrOf(() -> {
            AuditLog log = AuditLog.open(dir.resolve("missing/audit.jsonl").toString(), 1024, System.err);
            assertTrue(log.enabled());
            log.append("{}");
            log.close();
        });
        assertEquals(1, count(warnings, "cannot be written"), warnings);
    }

    /** What slf4j-simple writes to System.err while {@code run} runs (it looks System.err up on each write). */
    private static String stderrOf(Runnable run) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
