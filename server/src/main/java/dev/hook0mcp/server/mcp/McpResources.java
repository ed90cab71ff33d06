package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.audit.AuditedCall;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adapts {@link ResourceTable} to the MCP SDK. A read is the entry's tool call through the engine; its content is
 * the structured result as {@code application/json} text. Only entries whose tool this token has are offered.
 * A URI whose variables are not UUIDs is refused before any request; a URI of no known shape gets the SDK's
 * "Resource not found" (-32002), also without a request.
 */
public final class McpResources {

    public static final String MIME_TYPE = "application/json";

    private McpResources() {}

    /** The offered entries: those whose tool is enabled for this token. */
    public static List<ResourceTable.Entry> offered(ToolSurface surface) {
        return ResourceTable.ENTRIES.stream().filter(e -> surface.isEnabled(e.tool())).toList();
    }

    /** Every offered entry as a template (hook0://organizations, with no variable, too). */
    public static List<SyncResourceTemplateSpecification> templates(CallContext context, ToolExecutor executor,
            CallerAudit audit) {
        return offered(context.surface()).stream()
                .map(e -> new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(e.uriTemplate(), e.name())
                                .title(e.title()).description(e.description()).mimeType(MIME_TYPE).build(),
                        (exchange, request) -> read(e, request.uri(), executor, context, audit, exchange)))
                .toList();
    }

    /**
     * The concrete resources this token can read without knowing any id: hook0://organizations, the token's own
     * organization's applications and, for a token restricted to one application, that application and its
     * event types, subscriptions and events.
     */
    public static List<SyncResourceSpecification> resources(CallContext context, ToolExecutor executor) {
        return resources(context, executor, CallerAudit.OFF);
    }

    public static List<SyncResourceSpecification> resources(CallContext context, ToolExecutor executor,
            CallerAudit audit) {
        ToolSurface surface = context.surface();
        String org = surface.defaults().organizationId();
        String app = surface.defaults().applicationId();
        List<SyncResourceSpecification> out = new ArrayList<>();
        for (ResourceTable.Entry e : offered(surface)) {
            List<String> vars = e.variables();
            String uri;
            String suffix;
            if (vars.isEmpty()) {
                uri = e.uriTemplate();
                suffix = "";
            } else if (vars.equals(List.of("organization_id")) && org != null) {
                uri = e.expand(Map.of("organization_id", org));
                suffix = " of organization " + org;
            } else if (vars.equals(List.of("application_id")) && app != null) {
                uri = e.expand(Map.of("application_id", app));
                suffix = " of application " + app;
            } else {
                continue;
            }
            McpSchema.Resource resource = McpSchema.Resource.builder(uri, e.name())
                    .title(e.title() + suffix).description(e.description()).mimeType(MIME_TYPE).build();
            out.add(new SyncResourceSpecification(resource, (exchange, request) -> read(e, request.uri(), executor,
                    context, audit, exchange)));
        }
        return out;
    }

    /** Reads {@code uri} as {@code entry}: the tool call's structured result, or an McpError saying why not. */
    static McpSchema.ReadResourceResult read(ResourceTable.Entry entry, String uri, ToolExecutor executor,
            CallContext context) {
        return read(entry, uri, executor, context, CallerAudit.OFF, null);
    }

    /** The same, recorded in the caller's audit log: the URI, its variables, the tool's Hook0 requests. */
    static McpSchema.ReadResourceResult read(ResourceTable.Entry entry, String uri, ToolExecutor executor,
            CallContext context, CallerAudit audit, McpSyncServerExchange exchange) {
        Map<String, Object> arguments;
        try {
            arguments = ResourceTable.arguments(entry, uri);
        } catch (ResourceTable.BadUri e) {
            ExchangeAudit.begin(audit, exchange, AuditedCall.Kind.RESOURCE, context.withoutToken(uri), Map.of(),
                    List.of())
                    .end(ToolOutcome.Kind.ERROR);
            // a token pasted into the URI is not sent back (the tool results mask it the same way)
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(context.withoutToken("Invalid resource URI: " + e.getMessage()
                            + "; nothing was sent to Hook0"))
                    .data(Map.of("uri", uri == null ? "" : context.withoutToken(ResourceTable.printable(uri)),
                            "template", entry.uriTemplate()))
                    .build();
        }
        AuditedCall audited = ExchangeAudit.begin(audit, exchange, AuditedCall.Kind.RESOURCE,
                context.withoutToken(uri), arguments, List.of());
        ToolOutcome.Kind ended = ToolOutcome.Kind.ERROR;
        try {
            ToolOutcome outcome = executor.call(entry.tool(), arguments, context.withJournal(audited.journal()));
            ended = outcome.kind();
            if (outcome.error()) {
                throw failure(context.withoutToken(uri), entry, outcome.structured());
            }
            return new McpSchema.ReadResourceResult(List.of(
                    new McpSchema.TextResourceContents(uri, MIME_TYPE, Json.compact(outcome.structured()))));
        } finally {
            audited.end(ended);
        }
    }

    /** A failed tool outcome as a protocol error: Hook0's 404 is "not found", bad arguments "invalid params". */
    static McpError failure(String uri, ResourceTable.Entry entry, ObjectNode structured) {
        int status = structured.path("status").asInt(0);
        int code = status == 404 || status == 410 ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
                : structured.has("problems") || status == 400 || status == 422 ? McpSchema.ErrorCodes.INVALID_PARAMS
                : McpSchema.ErrorCodes.INTERNAL_ERROR;
        String message = "Reading " + uri + " (" + entry.tool() + ") failed: "
                + structured.path("message").asText("unknown error")
                + (structured.hasNonNull("next_step") ? " " + structured.get("next_step").asText() : "");
        structured.put("uri", uri);
        return McpError.builder(code).message(message).data(Json.MAPPER.convertValue(structured, Map.class)).build();
    }
}
