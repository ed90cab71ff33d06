package dev.hook0mcp.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The audit log's file: opened for append and, when it does not exist, created with mode 0600 (owner only) on
 * POSIX file systems — created so, never changed afterwards. One write per line, so each line reaches the file
 * as soon as it is written. A regular file that would grow past {@code maxBytes} is first moved to
 * {@code FILE.1} (replacing the previous one) and started again, so the trail takes at most twice the cap.
 * A file that cannot be opened is tried again at the next line.
 */
final class AuditFile implements AuditSink {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);

    private final Path path;
    private final long maxBytes;
    private OutputStream out;
    private long size;

    AuditFile(Path path, long maxBytes) {
        this.path = path;
        this.maxBytes = maxBytes;
    }

    Path path() {
        return path;
    }

    Path rolled() {
        return path.resolveSibling(path.getFileName() + ".1");
    }

    /** Opens the file now (so a problem shows at start); the caller warns on failure. */
    void open() throws IOException {
        if (out == null) {
            out = Channels.newOutputStream(Files.newByteChannel(path, APPEND, permissions()));
            size = Files.isRegularFile(path) ? Files.size(path) : 0;
        }
    }

    /** Whether an existing file lets others than its owner read it (it was not created by us). */
    boolean readableByOthers() throws IOException {
        if (!posix() || !Files.isRegularFile(path)) {
            return false;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        return mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
    }

    @Override
    public void write(byte[] line) throws IOException {
        open();
        if (size > 0 && size + line.length > maxBytes && Files.isRegularFile(path)) {
            roll();
        }
        out.write(line);
        out.flush();
        size += line.length;
    }

    private void roll() throws IOException {
        close();
        Files.move(path, rolled(), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more can be done with a file that cannot be closed
            }
            out = null;
        }
    }

    private FileAttribute<?>[] permissions() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private boolean posix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
