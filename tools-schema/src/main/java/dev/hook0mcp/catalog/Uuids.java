package dev.hook0mcp.catalog;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Hook0's ids are UUIDs; events ingested without an id get an RFC 9562 version-7 UUID (a millisecond timestamp
 * then randomness, so ids sort by creation time). The server and the sandbox both make and check them here.
 */
public final class Uuids {

    /** How the catalogue's input schemas say "a UUID" (the 8-4-4-4-12 hexadecimal form, any case). */
    public static final String SCHEMA_PATTERN = "^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$";
    /** A UUID to show in messages and samples (a constant: using it initialises nothing, not even the random source). */
    public static final String EXAMPLE = "0195a3c1-7f00-7000-8000-00000000b001";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TEXT = Pattern.compile(SCHEMA_PATTERN);

    private Uuids() {}

    /** A version-7 UUID for now. */
    public static UUID v7() {
        return v7(Instant.now());
    }

    public static UUID v7(Instant time) {
        long millis = time.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Whether the text is a UUID in its 8-4-4-4-12 hexadecimal form (any case), nothing around it. */
    public static boolean isUuid(String value) {
        return value != null && TEXT.matcher(value).matches();
    }
}
