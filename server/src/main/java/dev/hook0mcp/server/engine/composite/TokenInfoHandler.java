package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.access.TokenInfo;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;

/**
 * get_token_info: what this server knows about its token — organization, application restriction, expiry,
 * signature, mode — and every tool on or off with the reason. It reports what was established when the token was
 * first seen, so it costs no request.
 */
public final class TokenInfoHandler implements ToolHandler {

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context) {
        return ToolOutcome.success(json(context.access().tokenInfo()));
    }

    /** The tool's result, as its outputSchema in the catalogue describes it. */
    public static ObjectNode json(TokenInfo info) {
        ObjectNode json = Json.object();
        json.put("organization_id", info.organizationId().map(Object::toString).orElse("unknown"));
        info.applicationId().ifPresent(a -> json.put("application_id", a.toString()));
        info.expiresAt().ifPresent(e -> json.put("expires_at", e.toString()));
        json.put("attenuation_blocks", info.attenuationBlocks());
        json.put("signature", info.signatureStatus() + ": " + info.signature().detail());
        json.put("mode", info.mode().label());
        info.actionAllowList().ifPresent(list -> {
            ArrayNode allowed = json.putArray("action_allow_list");
            list.forEach(allowed::add);
        });
        info.problem().ifPresent(p -> json.put("problem", p));
        info.fix().ifPresent(f -> json.put("fix", f));
        info.apiProblem().ifPresent(p -> json.put("api_problem", p));
        ArrayNode tools = json.putArray("tools");
        for (ToolSurface.Decision d : info.tools()) {
            tools.addObject().put("name", d.tool().name()).put("enabled", d.enabled()).put("reason", d.reason());
        }
        ArrayNode notes = json.putArray("notes");
        info.notes().forEach(notes::add);
        return json;
    }
}
