package dev.hook0mcp.sandbox.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing (java.util.UUID.fromString accepts "1-2-3-4-5"; the uuid crate does not). */
public final class Uuids {

    private static final Pattern SIMPLE = Pattern.compile("[0-9a-fA-F]{32}");

    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (dev.hook0mcp.catalog.Uuids.isUuid(text)) { // the 8-4-4-4-12 form
            return Optional.of(UUID.fromString(text));
        }
        if (SIMPLE.matcher(text).matches()) {
            return Optional.of(UUID.fromString(text.replaceFirst(
                    "(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
        }
        return Optional.empty();
    }
}
