package dev.hook0mcp.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue #12's task on the seeded sandbox — "which deliveries failed in the last 24 h in this application, why,
 * and replay them" — done twice with the built jar over stdio, each on a fresh sandbox (seeded alike): the new
 * way (get_delivery_health, replay_failed_events dry run, replay_failed_events with its confirmation) and the
 * old way (list_applications, list_request_attempts page after page, explain_event_delivery and replay_event per
 * failed event). Prints tool calls and bytes of result text of each, as a figure table. Takes a few seconds.
 *
 * <p>Run {@code scripts/bench.sh triage}. {@code -Dhook0mcp.bench.triage.print=true} also prints each result.
 */
public final class TriageBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean PRINT = Boolean.getBoolean("hook0mcp.bench.triage.print");

    /** The calls of one way and the bytes of result text they returned. */
    private static final class Tally {
        int calls;
        long bytes;
        final Map<String, Integer> perTool = new LinkedHashMap<>();

        JsonNode call(StdioMcp server, String tool, ObjectNode arguments) throws IOException {
            ObjectNode params = JSON.createObjectNode().put("name", tool);
            params.set("arguments", arguments);
            JsonNode answer = JSON.readTree(server.request("tools/call", JSON.writeValueAsString(params)));
            String text = answer.at("/result/content/0/text").asText();
            calls++;
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            perTool.merge(tool, 1, Integer::sum);
            if (PRINT) {
                System.out.println("--- " + tool + " " + arguments + "\n" + text);
            }
            if (answer.at("/result/isError").asBoolean(false)) {
                throw new IllegalStateException(tool + " failed: " + text);
            }
            int json = text.indexOf('{');
            return JSON.readTree(text.substring(Math.max(0, json)));
        }
    }

    public static void main(String[] args) throws Exception {
        LaunchCommand launch = LaunchCommand.fromClientConfig(Path.of(""));
        Path logs = Path.of("server/target/bench-logs");
        Files.createDirectories(logs);
        Tally fresh = new Tally();
        Tally old = new Tally();
        int newFailures;
        int oldFailures;
        try (Sandbox sandbox = Sandbox.start(0);
                StdioMcp server = new StdioMcp(launch.builder(sandbox.baseUrl(), sandbox.rootToken(), List.of()),
                        logs.resolve("triage-new.log").toFile())) {
            server.handshakeAndListTools();
            newFailures = newWay(server, fresh, sandbox.applicationId().toString());
        }
        try (Sandbox sandbox = Sandbox.start(0);
                StdioMcp server = new StdioMcp(launch.builder(sandbox.baseUrl(), sandbox.rootToken(), List.of()),
                        logs.resolve("triage-old.log").toFile())) {
            server.handshakeAndListTools();
            oldFailures = oldWay(server, old, sandbox.organizationId().toString());
        }
        FigureTable table = new FigureTable();
        table.add("triage: tool calls", String.valueOf(fresh.calls), String.valueOf(old.calls),
                FigureTable.times((double) old.calls / fresh.calls), "≤ 3", fresh.calls <= 3);
        table.add("triage: result text", kb(fresh.bytes), kb(old.bytes),
                FigureTable.times((double) old.bytes / fresh.bytes), "≤ 6,000 bytes", fresh.bytes <= 6_000);
        System.out.println("hook0-mcp triage benchmark (issue #12), " + Instant.now() + ": \"which deliveries failed in"
                + " the last 24 h in this application, why, and replay them\" on the seeded sandbox");
        System.out.println("new way " + fresh.perTool + ": " + newFailures + " failed events replayed");
        System.out.println("old way " + old.perTool + ": " + oldFailures + " failed events replayed");
        System.out.println();
        table.print(System.out);
    }

    private static int newWay(StdioMcp server, Tally t, String app) throws IOException {
        t.call(server, "get_delivery_health", JSON.createObjectNode().put("application_id", app));
        JsonNode dry = t.call(server, "replay_failed_events", JSON.createObjectNode().put("application_id", app));
        JsonNode done = t.call(server, "replay_failed_events", JSON.createObjectNode().put("application_id", app)
                .put("dry_run", false).put("confirmation", dry.path("confirmation").asText()));
        return done.path("replayed").asInt();
    }

    /** As an assistant had to before: find the application, page through every attempt, then one event at a time. */
    private static int oldWay(StdioMcp server, Tally t, String org) throws IOException {
        JsonNode apps = t.call(server, "list_applications", JSON.createObjectNode().put("organization_id", org));
        String app = null;
        for (JsonNode a : apps.path("items")) {
            if (a.path("name").asText().equals("Acme Billing")) {
                app = a.path("application_id").asText();
            }
        }
        String since = Instant.now().minus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> latestPerPair = new LinkedHashMap<>();
        String cursor = null;
        do {
            ObjectNode args = JSON.createObjectNode().put("application_id", app).put("min_created_at", since);
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            JsonNode page = t.call(server, "list_request_attempts", args);
            for (JsonNode a : page.path("items")) {
                latestPerPair.putIfAbsent(a.path("event_id").asText() + "|"
                        + a.path("subscription").path("subscription_id").asText(), a.at("/status/type").asText());
            }
            cursor = page.path("next_cursor").asText(null);
        } while (cursor != null && !cursor.isEmpty());
        Set<String> failedEvents = new LinkedHashSet<>();
        latestPerPair.forEach((pair, status) -> {
            if (status.equals("failed")) {
                failedEvents.add(pair.substring(0, pair.indexOf('|')));
            }
        });
        List<String> events = new ArrayList<>(failedEvents);
        for (String event : events) {
            t.call(server, "explain_event_delivery", JSON.createObjectNode().put("application_id", app)
                    .put("event_id", event));
        }
        for (String event : events) {
            t.call(server, "replay_event", JSON.createObjectNode().put("application_id", app).put("event_id", event));
        }
        return events.size();
    }

    private static String kb(long bytes) {
        return String.format("%,d bytes", bytes);
    }
}
