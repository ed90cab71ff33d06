package dev.hook0mcp.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The audit file: created owner-only, appended to, each line on disk at once, rolled to FILE.1 at its cap. */
class AuditFileTest {

    @TempDir
    Path dir;

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNewFileIsCreatedWithMode0600() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        AuditFile file = new AuditFile(path, 1024);
        file.open();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertFalse(file.readableByOthers());
        file.close();
    }

    @Test
    void linesAreAppendedToWhatIsThereAndOnDiskAtOnce() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        Files.writeString(path, "{\"old\":1}\n");
        AuditFile file = new AuditFile(path, 1024);
        file.write(line("{\"a\":1}"));
        assertEquals(List.of("{\"old\":1}", "{\"a\":1}"), Files.readAllLines(path), "before close");
        file.close();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void atTheCapTheFileRollsToFile1AndStartsAgainOwnerOnly() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        AuditFile file = new AuditFile(path, 25);
        file.write(line("{\"n\":1,\"xxxxxx\":0}")); // 19 bytes
        file.write(line("{\"n\":2}"));              // 19 + 8 > 25: rolls first
        file.write(line("{\"n\":3}"));              // 8 + 8 <= 25: same file
        file.close();
        assertEquals(List.of("{\"n\":1,\"xxxxxx\":0}"), Files.readAllLines(dir.resolve("audit.jsonl.1")));
        assertEquals(List.of("{\"n\":2}", "{\"n\":3}"), Files.readAllLines(path));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));

        AuditFile again = new AuditFile(path, 25);
        again.write(line("{\"n\":4,\"xxxxxxx\":0}")); // rolls again: the old FILE.1 is replaced
        again.close();
        assertEquals(List.of("{\"n\":2}", "{\"n\":3}"), Files.readAllLines(dir.resolve("audit.jsonl.1")));
        assertEquals(1, Files.readAllLines(path).size());
    }

    @Test
    void aLineLargerThanTheCapStillGoesIntoAnEmptyFile() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        AuditFile file = new AuditFile(path, 4);
        file.write(line("{\"big\":true}"));
        file.close();
        assertEquals(List.of("{\"big\":true}"), Files.readAllLines(path));
        assertFalse(Files.exists(dir.resolve("audit.jsonl.1")));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExistingFileReadableByOthersIsNoticed() throws Exception {
        Path path = dir.resolve("audit.jsonl");
        Files.writeString(path, "");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        AuditFile file = new AuditFile(path, 1024);
        file.open();
        assertTrue(file.readableByOthers());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                "an existing file's mode is not changed");
        file.close();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsAnIoErrorAndNothingIsRolled() throws Exception {
        AuditFile full = new AuditFile(Path.of("/dev/full"), 1);
        assertThrows(IOException.class, () -> full.write(line("{\"a\":1}")));
        assertThrows(IOException.class, () -> full.write(line("{\"a\":2}")));
        full.close();
    }
}
