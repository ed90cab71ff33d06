package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpToolsTest {

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void anErrorCarriesItsDetailsInTheTextAndNoStructuredContent() {
        McpSchema.CallToolResult result = McpTools.toResult(ErrorResults.notAvailable("create_application",
                "read-only token: application:create is not allowed"));
        assertTrue(result.isError());
        assertNull(result.structuredContent(), "clients would check it against the tool's outputSchema");
        String[] lines = text(result).split("\n", 2);
        assertEquals("Tool create_application is not available: read-only token: application:create is not allowed",
                lines[0]);
        assertTrue(lines[1].contains("\"next_step\":\"Call get_token_info"), lines[1]);
    }

    @Test
    void aSuccessKeepsItsStructuredContent() {
        ToolOutcome outcome = ToolOutcome.success(Json.object().put("count", 0));
        McpSchema.CallToolResult result = McpTools.toResult(outcome);
        assertFalse(result.isError());
        assertNotNull(result.structuredContent());
        assertEquals("{\"count\":0}", text(result));
    }

    @Test
    void everyCatalogueToolIsCallableButOnlyTheTokensToolsAreListed() {
        ToolSurface readOnly = Surfaces.readOnly();
        var specifications = McpTools.specifications(readOnly, Surfaces.executor(), exchange -> Surfaces.context(readOnly));
        assertEquals(Surfaces.CATALOG.tools().size(), specifications.size());
        var listed = McpTools.listed(() -> readOnly);
        var visible = specifications.stream().map(s -> s.tool()).filter(t -> listed.isVisible(null, t))
                .map(McpSchema.Tool::name).toList();
        assertEquals(readOnly.enabledNames(), visible);

        var createApplication = specifications.stream().filter(s -> s.tool().name().equals("create_application"))
                .findFirst().orElseThrow();
        McpSchema.CallToolResult hidden = createApplication.callHandler().apply(null,
                new McpSchema.CallToolRequest("create_application", Map.of("name", "x")));
        assertTrue(hidden.isError());
        assertNull(hidden.structuredContent());
        assertTrue(text(hidden).startsWith("Tool create_application is not available: test token:"), text(hidden));
    }

    @Test
    void aServedUuidArgumentHasNoPatternYetANonUuidIsStillRefusedBeforeAnyRequest() {
        ToolSurface full = Surfaces.full();
        var getApplication = McpTools.specifications(full, Surfaces.executor(), exchange -> Surfaces.context(full))
                .stream().filter(s -> s.tool().name().equals("get_application")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> applicationId = (Map<String, Object>)
                ((Map<String, Object>) getApplication.tool().inputSchema().get("properties")).get("application_id");
        assertNull(applicationId.get("pattern"), "served without the pattern");
        assertTrue(String.valueOf(applicationId.get("description")).contains("UUID"), applicationId.toString());

        McpSchema.CallToolResult refused = getApplication.callHandler().apply(null,
                new McpSchema.CallToolRequest("get_application", Map.of("application_id", "not-a-uuid")));
        assertTrue(refused.isError());
        assertTrue(text(refused).contains("argument 'application_id': must be a UUID such as"), text(refused));
    }

    @Test
    void servedAnnotationsCarryNoTitleAndIdempotentOnlyOnAnIdempotentWrite() {
        ToolSurface full = Surfaces.full();
        McpSchema.ToolAnnotations read = McpTools.toMcp(Surfaces.CATALOG.get("get_application"), full).annotations();
        assertNull(read.title(), "the tool's own title is enough");
        assertEquals(true, read.readOnlyHint());
        assertEquals(false, read.destructiveHint(), "written out: clients read it even on a read-only tool");
        assertNull(read.idempotentHint(), "no meaning on a read-only tool");
        assertEquals(false, read.openWorldHint());
        McpSchema.ToolAnnotations delete = McpTools.toMcp(Surfaces.CATALOG.get("delete_subscription"), full)
                .annotations();
        assertEquals(false, delete.readOnlyHint());
        assertEquals(true, delete.destructiveHint());
        assertEquals(true, delete.idempotentHint());
        assertNull(McpTools.toMcp(Surfaces.CATALOG.get("create_application"), full).annotations().idempotentHint(),
                "MCP's default (false) is left out");
    }
}
