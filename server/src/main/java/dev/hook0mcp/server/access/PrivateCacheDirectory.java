package dev.hook0mcp.server.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The directory the start-up caches keep their entries in (the probe cache and the handshake cache): made 0700,
 * entries written 0600 under a temporary name and moved in place, so another server never reads half an entry and
 * no other user reads any. Entries are named by hashes, never by a token.
 */
public final class PrivateCacheDirectory {

    private static final FileAttribute<?> FILE_0600 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> DIR_0700 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path dir;

    public PrivateCacheDirectory(Path dir) {
        this.dir = dir;
    }

    /** Replaces {@code file} (in this directory) with {@code text} in one step. */
    public void write(Path file, CharSequence text) throws IOException {
        createDirectory();
        Path temp = createTempFile();
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Entries past their time are of no use to anyone: removes them by file time, without reading them. */
    public void removeOlderThan(String suffix, long oldestMillis) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(suffix)
                        && Files.getLastModifiedTime(f).toMillis() < oldestMillis) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Hex SHA-256 of the UTF-8 text: how entries are named. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, DIR_0700);
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException raced) {
            // another server made it meanwhile
        }
    }

    private Path createTempFile() throws IOException {
        try {
            return Files.createTempFile(dir, ".entry-", ".tmp", FILE_0600);
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".entry-", ".tmp");
        }
    }
}
