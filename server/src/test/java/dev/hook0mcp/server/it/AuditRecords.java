package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/** Reads an audit log as tests see it: its records, waited for (the writer is a thread of its own). */
final class AuditRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AuditRecords(Path file) {
        this.file = file;
    }

    /** The records, once at least {@code count} are written (up to 10 s). */
    List<JsonNode> await(int count) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<JsonNode> records = all();
            if (records.size() >= count || System.nanoTime() > until) {
                assertTrue(records.size() >= count, "expected " + count + " records, got " + records);
                return records;
            }
            Thread.sleep(20);
        }
    }

    /** The one record (at least {@code count} written) matching {@code which}. */
    JsonNode one(int count, Predicate<JsonNode> which) throws Exception {
        List<JsonNode> found = await(count).stream().filter(which).toList();
        assertEquals(1, found.size(), "one matching record, not " + found);
        return found.get(0);
    }

    List<JsonNode> all() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    String text() throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The whole file holds none of these. */
    void holdsNone(String... secrets) throws Exception {
        String text = text();
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "the audit log holds a secret: " + secret.substring(0, 6) + "…");
        }
    }

    static Predicate<JsonNode> tool(String name) {
        return r -> name.equals(r.path("tool").asText(null));
    }

    /** The first 16 hex digits of SHA-256(token), computed here independently of the server. */
    static String fingerprint(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    /** The record's Hook0 requests as "METHOD path status". */
    static List<String> hook0(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.path("hook0").forEach(r -> out.add(r.path("method").asText() + " " + r.path("path").asText() + " "
                + (r.path("status").isNull() ? "none" : r.path("status").asText())));
        return out;
    }

    /** Every field the README lists, in its order. */
    static void hasTheRecordShape(JsonNode record, String kind) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("time", "transport", "client", "session", "token", kind, "arguments", "outcome", "hook0",
                "duration_ms"), names, record.toString());
        assertTrue(record.path("time").asText().endsWith("Z"), "UTC: " + record);
        assertTrue(record.path("duration_ms").asLong(-1) >= 0, record.toString());
        record.path("hook0").forEach(r -> assertTrue(r.path("ms").asLong(-1) >= 0, r.toString()));
    }
}
