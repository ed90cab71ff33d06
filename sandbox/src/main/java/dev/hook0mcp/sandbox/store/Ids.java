package dev.hook0mcp.sandbox.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUIDs: name-based for seed data (identical on every start), v7 or v4 for new rows. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** The same UUID for the same name, on every start. */
    public static UUID seeded(String name) {
        return UUID.nameUUIDFromBytes(("hook0-sandbox:" + name).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID random() {
        return UUID.randomUUID();
    }

    /** A time-ordered UUIDv7 (RFC 9562), as Hook0 generates for events ingested without an id. */
    public static UUID v7(Instant at) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        long millis = at.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** The 16 big-endian bytes of a UUID, as Hook0's Biscuit terms carry them. */
    public static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
