package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.AuditRecords.fingerprint;
import static dev.hook0mcp.server.it.AuditRecords.hook0;
import static dev.hook0mcp.server.it.AuditRecords.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log over stdio (issue #17): the real server (in-process, through its entry point), the MCP Java SDK
 * client, the sandbox with a read-only token that may also ingest — so one server shows a read, a failing read,
 * a write, a refused write and a resource read. Nothing secret reaches the file, which is owner-only; a full disk does not fail a call.
 */
class AuditLogStdioIT {

    private static final String HEADER_VALUE = "hdr-" + UUID.randomUUID();
    private static final String PAYLOAD_MARKER = "payload-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static Sandbox sandbox;
    private static String readIngest;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0);
        Set<String> actions = new HashSet<>(Attenuation.READ_ACTIONS);
        actions.add("event:ingest");
        readIngest = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(actions));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void eachCallIsOneRecordWithItsOutcomeAndHook0RequestsAndNoSecret() throws Exception {
        Path file = dir.resolve("stdio-audit.jsonl");
        String app = sandbox.applicationId().toString();
        String missing = UUID.randomUUID().toString();
        String stderr;
        try (InProcessServer jar = InProcessServer.start(sandbox.baseUrl(), readIngest, Map.of("HOOK0_AUDIT_LOG", file.toString()))) {
            JsonNode types = Results.ok(jar.call("list_event_types", Map.of("application_id", app)));
            String type = types.at("/items/0/event_type_name").asText();
            assertTrue(Boolean.TRUE.equals(jar.call("get_event", Map.of("application_id", app, "event_id", missing))
                    .isError()));
            Results.ok(jar.call("ingest_event", Map.of("application_id", app, "event_type", type,
                    "labels", Map.of("audit", "stdio"), "payload_json", Map.of("marker", PAYLOAD_MARKER))));
            assertTrue(Boolean.TRUE.equals(jar.call("create_subscription", Map.of("application_id", app,
                    "is_enabled", true, "event_types", List.of(type), "labels", Map.of("audit", "stdio"),
                    "target", Map.of("type", "http", "method", "POST", "url", "https://audit.example/hook",
                            "headers", Map.of("X-Audit-Key", HEADER_VALUE)))).isError()));
            jar.client.readResource(new McpSchema.ReadResourceRequest("hook0://applications/" + app + "/events"));
            stderr = jar.stderr();
        }
        AuditRecords audit = new AuditRecords(file);
        List<JsonNode> records = audit.await(5);
        assertEquals(5, records.size(), records.toString());
        String print = fingerprint(readIngest);
        for (JsonNode r : records) {
            AuditRecords.hasTheRecordShape(r, r.has("tool") ? "tool" : "resource");
            assertEquals("stdio", r.path("transport").asText());
            assertTrue(r.path("session").isNull(), "no session on stdio: " + r);
            assertFalse(r.at("/client/name").asText("").isBlank(), "the client's name from initialize: " + r);
            assertEquals(print, r.path("token").asText());
        }
        JsonNode read = audit.one(5, tool("list_event_types"));
        assertEquals("ok", read.path("outcome").asText());
        assertEquals(List.of("GET /api/v1/event_types?application_id=" + app + " 200"), hook0(read));

        JsonNode failed = audit.one(5, tool("get_event"));
        assertEquals("error", failed.path("outcome").asText());
        assertEquals(List.of("GET /api/v1/events/" + missing + "?application_id=" + app + " 404"), hook0(failed));

        JsonNode write = audit.one(5, tool("ingest_event"));
        assertEquals("ok", write.path("outcome").asText());
        assertTrue(hook0(write).get(0).startsWith("POST /api/v1/event 20"), write.toString());
        assertTrue(write.at("/arguments/payload_json").asText().startsWith("[omitted: "), write.toString());

        JsonNode refused = audit.one(5, tool("create_subscription"));
        assertEquals("refused", refused.path("outcome").asText(), "a write this token does not have");
        assertEquals(List.of(), hook0(refused));
        assertTrue(refused.at("/arguments/target/headers/X-Audit-Key").asText().startsWith("[omitted: "));

        JsonNode resource = audit.one(5, r -> r.has("resource"));
        assertEquals("hook0://applications/" + app + "/events", resource.path("resource").asText());
        assertEquals("ok", resource.path("outcome").asText());
        assertEquals(List.of("GET /api/v1/events?application_id=" + app + " 200"), hook0(resource));

        audit.holdsNone(readIngest, sandbox.rootToken(), HEADER_VALUE, PAYLOAD_MARKER);
        assertFalse(stderr.contains("audit log"), "no audit warning: " + stderr);
        if (OS.current() == OS.LINUX || OS.current() == OS.MAC) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskGetsOneWarningAndEveryCallIsAnswered() throws Exception {
        try (InProcessServer jar = InProcessServer.start(sandbox.baseUrl(), readIngest, Map.of("HOOK0_AUDIT_LOG", "/dev/full"))) {
            for (int i = 0; i < 3; i++) {
                Results.ok(jar.call("list_applications", Map.of()));
            }
            long until = System.nanoTime() + 5_000_000_000L;
            while (!jar.stderr().contains("cannot be written") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            String stderr = jar.stderr();
            assertEquals(1, stderr.split("cannot be written", -1).length - 1, stderr);
        }
    }
}
