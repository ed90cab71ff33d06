package dev.hook0mcp.sandbox.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing (java.util.UUID.fromString accepts "1-2-3-4-5"; the uuid crate does not). */
public final class Uuids {

    private static final Pattern HYPHENATED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SIMPLE = Pattern.compile("[0-9a-fA-F]{32}");

    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (HYPHENATED.matcher(text).matches()) {
            return Optional.of(UUID.fromString(text));
        }
        if (SIMPLE.matcher(text).matches()) {
            return Optional.of(UUID.fromString(text.replaceFirst(
                    "(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
        }
        return Optional.empty();
    }
}
