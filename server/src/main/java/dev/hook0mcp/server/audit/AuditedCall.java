package dev.hook0mcp.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.hook0.Hook0Journal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One tool call, resource read or prompt get being recorded: started when it arrives, its Hook0 requests noted
 * as they are made ({@link #journal}), its line queued when it ends ({@link #end}).
 */
public final class AuditedCall {

    /** What was called. */
    public enum Kind {
        TOOL,
        RESOURCE,
        PROMPT;

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Records nothing (no audit log). */
    static final AuditedCall NONE = new AuditedCall(null, null, null);

    private final AuditLog log;
    private final ObjectNode record;
    private final Hook0Requests requests;
    private final long startedNanos = System.nanoTime();

    private AuditedCall(AuditLog log, ObjectNode record, Hook0Requests requests) {
        this.log = log;
        this.record = record;
        this.requests = requests;
    }

    /** The record's fields up to {@code arguments}, in the order of the README. */
    static AuditedCall start(AuditLog log, String transport, String clientName, String clientVersion, String session,
            String token, Kind kind, String name, JsonNode arguments) {
        ObjectNode record = Json.object();
        record.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("transport", transport);
        ObjectNode client = record.putObject("client");
        client.set("name", ArgumentRedaction.text(clientName));
        client.set("version", ArgumentRedaction.text(clientVersion));
        record.set("session", ArgumentRedaction.text(session));
        record.put("token", token);
        record.set(kind.field(), ArgumentRedaction.text(name));
        record.set("arguments", arguments);
        return new AuditedCall(log, record, new Hook0Requests());
    }

    /** Where the call's Hook0 requests are noted (see {@code CallContext#withJournal}). */
    public Hook0Journal journal() {
        return requests == null ? Hook0Journal.NONE : requests;
    }

    /** Queues the record with how the call ended; once. */
    public void end(ToolOutcome.Kind outcome) {
        if (log == null) {
            return;
        }
        ObjectNode line = record.deepCopy();
        line.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        line.set("hook0", requests.toJson());
        line.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
        log.append(Json.compact(line));
    }
}
