package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceTableTest {

    static final String APP = Surfaces.APP;
    static final String EVENT = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    @Test
    void theTemplatesOfIssues5And12() {
        assertEquals(List.of("hook0://organizations", "hook0://organizations/{organization_id}/applications",
                "hook0://applications/{application_id}", "hook0://applications/{application_id}/event_types",
                "hook0://applications/{application_id}/subscriptions", "hook0://applications/{application_id}/events",
                "hook0://applications/{application_id}/events/{event_id}",
                "hook0://applications/{application_id}/events/{event_id}/attempts",
                "hook0://applications/{application_id}/health",
                "hook0://applications/{application_id}/responses/{response_id}"),
                ResourceTable.ENTRIES.stream().map(ResourceTable.Entry::uriTemplate).toList());
    }

    @Test
    void eachEntryIsAReadToolWhoseArgumentsAreTheVariables() {
        Set<String> names = new HashSet<>();
        for (ResourceTable.Entry e : ResourceTable.ENTRIES) {
            assertTrue(names.add(e.name()), "unique name " + e.name());
            ToolDefinition tool = Surfaces.CATALOG.get(e.tool());
            assertTrue(tool.isRead(), e.tool() + " is a read");
            JsonNode properties = tool.inputSchema().get("properties");
            for (String variable : e.variables()) {
                assertTrue(properties.has(variable), e.tool() + " takes " + variable);
                assertTrue(properties.get(variable).path("pattern").asText().contains("[0-9a-fA-F]{8}"),
                        variable + " is a UUID argument of " + e.tool());
            }
            // Every required argument without a token default comes from the URI.
            for (JsonNode required : tool.inputSchema().path("required")) {
                String arg = required.asText();
                assertTrue(e.variables().contains(arg) || tool.binding().defaults().containsKey(arg),
                        e.uriTemplate() + " leaves " + arg + " unset");
            }
        }
    }

    @Test
    void aUriHasAtMostOneShape() {
        Map<String, String> ids = Map.of("organization_id", Surfaces.ORG, "application_id", APP, "event_id", EVENT,
                "response_id", EVENT);
        for (ResourceTable.Entry e : ResourceTable.ENTRIES) {
            String uri = e.expand(ids);
            List<String> matching = new ArrayList<>();
            for (ResourceTable.Entry other : ResourceTable.ENTRIES) {
                if (other.match(uri).isPresent()) {
                    matching.add(other.uriTemplate());
                }
            }
            assertEquals(List.of(e.uriTemplate()), matching, uri);
        }
    }

    @Test
    void argumentsAreTheVariables() {
        ResourceTable.Entry attempts = ResourceTable.byTemplate(
                "hook0://applications/{application_id}/events/{event_id}/attempts").orElseThrow();
        assertEquals(Map.of("application_id", APP, "event_id", EVENT),
                ResourceTable.arguments(attempts, "hook0://applications/" + APP + "/events/" + EVENT + "/attempts"));
        ResourceTable.Entry orgs = ResourceTable.byTemplate("hook0://organizations").orElseThrow();
        assertEquals(Map.of(), ResourceTable.arguments(orgs, "hook0://organizations"));
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        ResourceTable.Entry app = ResourceTable.byTemplate("hook0://applications/{application_id}").orElseThrow();
        ResourceTable.Entry event = ResourceTable.byTemplate("hook0://applications/{application_id}/events/{event_id}")
                .orElseThrow();
        assertTrue(assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app,
                "hook0://applications/not-a-uuid")).getMessage().contains("application_id must be a UUID"));
        assertTrue(assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(event,
                "hook0://applications/" + APP + "/events/..")).getMessage().contains("event_id must be a UUID"));
        assertTrue(assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app,
                "hook0://applications/" + APP + "?application_id=x")).getMessage().contains("no query string"));
        assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app, "hook0://applications/%2F"));
        assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app, "hook0://applications/"));
        assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app, "http://evil"));
        assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app, ""));
        String control = assertThrows(ResourceTable.BadUri.class, () -> ResourceTable.arguments(app,
                "hook0://applications/a\u202Eb")).getMessage();
        assertTrue(!control.contains("\u202E"), "the echoed value is made printable");
    }
}
