package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.audit.AuditedCall;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.mcp.prompts.CreateWebhookSubscriptionPrompt;
import dev.hook0mcp.server.mcp.prompts.DebugEventDeliveryPrompt;
import dev.hook0mcp.server.mcp.prompts.TriageWebhooksPrompt;
import dev.hook0mcp.server.mcp.prompts.Hook0Prompt;
import dev.hook0mcp.server.mcp.prompts.PromptArguments;
import dev.hook0mcp.server.mcp.prompts.ReviewTokenAccessPrompt;
import dev.hook0mcp.server.mcp.prompts.SetupApplicationPrompt;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The prompts, in the order prompts/list gives them (one class each in {@code mcp.prompts}). Each names only tools
 * this caller's token has; a write-oriented prompt is offered only when its tool is on, so a read-only token never
 * sees one. For a token restricted to one application, application_id may be left out.
 */
public final class McpPrompts {

    static final List<Hook0Prompt> ALL = List.of(new DebugEventDeliveryPrompt(), new TriageWebhooksPrompt(),
            new CreateWebhookSubscriptionPrompt(), new SetupApplicationPrompt(), new ReviewTokenAccessPrompt());

    private McpPrompts() {}

    /** The prompts offered to this caller, each with its handler; each prompts/get is a record of {@code audit}. */
    public static List<SyncPromptSpecification> specifications(CallContext context, CallerAudit audit) {
        return offered(context.surface()).stream()
                .map(p -> new SyncPromptSpecification(p, (exchange, request) -> {
                    AuditedCall audited = ExchangeAudit.begin(audit, exchange, AuditedCall.Kind.PROMPT, p.name(),
                            request.arguments(), List.of());
                    ToolOutcome.Kind ended = ToolOutcome.Kind.ERROR;
                    try {
                        McpSchema.GetPromptResult result = get(p.name(), request.arguments(), context);
                        ended = ToolOutcome.Kind.OK;
                        return result;
                    } finally {
                        audited.end(ended);
                    }
                }))
                .toList();
    }

    /** The prompts this surface supports. */
    public static List<McpSchema.Prompt> offered(ToolSurface surface) {
        return ALL.stream().flatMap(p -> p.offered(surface).stream()).toList();
    }

    /** prompts/get: the prompt's text for these arguments, or an McpError naming the bad argument. */
    public static McpSchema.GetPromptResult get(String name, Map<String, Object> arguments, CallContext context) {
        ToolSurface surface = context.surface();
        Hook0Prompt prompt = ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> PromptArguments.invalid("unknown prompt " + name));
        String text = prompt.text(new PromptArguments(arguments, surface), context);
        String description = prompt.offered(surface).map(McpSchema.Prompt::description).orElse(name);
        return new McpSchema.GetPromptResult(description,
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }
}
