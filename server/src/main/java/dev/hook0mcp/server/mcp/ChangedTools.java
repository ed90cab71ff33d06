package dev.hook0mcp.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Registers again only the tools whose definition changed (the SDK keeps one registration per name), for both
 * kinds of SDK server: session ({@link ToolListSync}) and stateless ({@link McpStatelessFeatures}).
 */
final class ChangedTools {

    private ChangedTools() {}

    /** @param registered what the server holds now, by name; updated */
    static <S> void register(Map<String, McpSchema.Tool> registered, List<S> specs, Function<S, McpSchema.Tool> toolOf,
            Consumer<String> remove, Consumer<S> add) {
        for (S spec : specs) {
            McpSchema.Tool tool = toolOf.apply(spec);
            McpSchema.Tool before = registered.get(tool.name());
            if (!tool.equals(before)) {
                if (before != null) {
                    remove.accept(tool.name());
                }
                add.accept(spec);
                registered.put(tool.name(), tool);
            }
        }
    }
}
