package dev.hook0mcp.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Form-decoded query parameters, read the way serde_urlencoded + actix's {@code Query} would: a missing
 * required field or a value of the wrong shape is a 400 text/plain, not a problem.
 */
public final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParams parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(key, value);
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    public String optionalString(String name) {
        return values.get(name);
    }

    public UUID requiredUuid(String name) {
        String value = values.get(name);
        if (value == null) {
            throw PlainHttpError.query("missing field `" + name + "`");
        }
        return uuid(name, value);
    }

    public UUID optionalUuid(String name) {
        String value = values.get(name);
        return value == null ? null : uuid(name, value);
    }

    public Instant optionalInstant(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        return Timestamps.parse(value).orElseThrow(
                () -> PlainHttpError.query("invalid value for `" + name + "`: input contains invalid characters"));
    }

    public LocalDate optionalDate(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        return Timestamps.parseDate(value).orElseThrow(
                () -> PlainHttpError.query("invalid value for `" + name + "`: input contains invalid characters"));
    }

    private static UUID uuid(String name, String value) {
        return Uuids.parse(value).orElseThrow(() -> PlainHttpError.query(
                "UUID parsing failed for `" + name + "`: invalid character or length"));
    }
}
