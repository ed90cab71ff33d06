package dev.hook0mcp.sandbox.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** UUIDs: name-based for seed data (identical on every start), v4 for new rows (v7: {@link dev.hook0mcp.catalog.Uuids}). */
public final class Ids {

    private Ids() {
    }

    /** The same UUID for the same name, on every start. */
    public static UUID seeded(String name) {
        return UUID.nameUUIDFromBytes(("hook0-sandbox:" + name).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID random() {
        return UUID.randomUUID();
    }

    /** The 16 big-endian bytes of a UUID, as Hook0's Biscuit terms carry them. */
    public static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
