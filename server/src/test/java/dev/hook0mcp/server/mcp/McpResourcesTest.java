package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.ToolExecutor;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class McpResourcesTest {

    private final ToolExecutor executor = Surfaces.executor();

    @Test
    void offeredFollowsTheTools() {
        assertEquals(10, McpResources.offered(Surfaces.full()).size());
        assertEquals(10, McpResources.offered(Surfaces.readOnly()).size(), "the health resource is a read");
        assertEquals(8, McpResources.offered(Surfaces.oneApplication()).size());
        assertEquals(List.of("hook0://applications/{application_id}/events/{event_id}"),
                McpResources.offered(Surfaces.only(Set.of("get_event", "ingest_event"))).stream()
                        .map(ResourceTable.Entry::uriTemplate).toList());
        assertEquals(List.of(), McpResources.offered(Surfaces.only(Set.of("get_token_info"))));
    }

    @Test
    void concreteResourcesNeedNoId() {
        assertEquals(Set.of("hook0://organizations", "hook0://organizations/" + Surfaces.ORG + "/applications"),
                uris(McpResources.resources(Surfaces.context(Surfaces.full()), executor)));
        String app = "hook0://applications/" + Surfaces.APP;
        assertEquals(Set.of(app, app + "/event_types", app + "/subscriptions", app + "/events", app + "/health"),
                uris(McpResources.resources(Surfaces.context(Surfaces.oneApplication()), executor)));
    }

    @Test
    void aBadUriIsAnInvalidParamsErrorBeforeAnyCall() {
        ResourceTable.Entry entry = ResourceTable.byTemplate("hook0://applications/{application_id}").orElseThrow();
        // The context points at a closed port: a request would be a transport error, not invalid params.
        McpError e = assertThrows(McpError.class, () -> McpResources.read(entry, "hook0://applications/x", executor,
                Surfaces.context(Surfaces.full())));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, e.getJsonRpcError().code());
        assertTrue(e.getMessage().contains("nothing was sent to Hook0"), e.getMessage());
    }

    @Test
    void aTokenPastedIntoAUriIsNotSentBack() {
        ResourceTable.Entry entry = ResourceTable.byTemplate("hook0://applications/{application_id}").orElseThrow();
        String token = "EoUCCpoBCgR0eXBlCg5zZXJ2aWNlX2FjY2VzcwoIdG9rZW5faWQKCmNyZWF0ZWRfYXQ";
        McpError e = assertThrows(McpError.class, () -> McpResources.read(entry, "hook0://applications/" + token,
                executor, Surfaces.context(Surfaces.full(), "http://127.0.0.1:9", token)));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, e.getJsonRpcError().code());
        String said = e.getMessage() + " " + e.getJsonRpcError().data();
        assertFalse(said.contains(token.substring(0, 24)), said);
        assertTrue(said.contains("[the caller's token, removed]"), said);
    }

    @Test
    void aToolErrorBecomesAProtocolErrorWithItsDetails() {
        ResourceTable.Entry entry = ResourceTable.byTemplate("hook0://applications/{application_id}").orElseThrow();
        ObjectNode notFound = Json.object().put("status", 404).put("message", "404 NotFound").put("next_step", "List.");
        McpError e = McpResources.failure("hook0://applications/u", entry, notFound);
        assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, e.getJsonRpcError().code());
        assertEquals("Reading hook0://applications/u (get_application) failed: 404 NotFound List.", e.getMessage());
        assertEquals(McpSchema.ErrorCodes.INTERNAL_ERROR, McpResources.failure("u", entry,
                Json.object().put("status", 403).put("message", "403 Forbidden")).getJsonRpcError().code());
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, McpResources.failure("u", entry,
                Json.object().put("message", "Invalid arguments").set("problems", Json.MAPPER.createArrayNode()))
                .getJsonRpcError().code());
        McpError unreachable = assertThrows(McpError.class, () -> McpResources.read(entry,
                "hook0://applications/" + Surfaces.APP, executor, Surfaces.context(Surfaces.full())));
        assertEquals(McpSchema.ErrorCodes.INTERNAL_ERROR, unreachable.getJsonRpcError().code());
        assertTrue(unreachable.getMessage().contains("could not be reached"), unreachable.getMessage());
    }

    private static Set<String> uris(List<SyncResourceSpecification> specs) {
        return specs.stream().map(s -> s.resource().uri()).collect(Collectors.toSet());
    }
}
