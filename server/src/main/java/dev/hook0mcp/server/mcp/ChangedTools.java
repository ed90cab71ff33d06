package dev.hook0mcp.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
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

    /**
     * @param registered what the server holds now, by name; updated
     * @return the names registered again, in catalogue order
     * @throws RuntimeException the first failure, once every other tool has been tried: one tool the SDK refuses
     *     does not leave the ones after it out of date (a failed tool is tried again at the next change)
     */
    static <S> List<String> register(Map<String, McpSchema.Tool> registered, List<S> specs, Function<S, McpSchema.Tool> toolOf,
            Consumer<String> remove, Consumer<S> add) {
        List<String> changed = new ArrayList<>();
        RuntimeException failure = null;
        for (S spec : specs) {
            McpSchema.Tool tool = toolOf.apply(spec);
            McpSchema.Tool before = registered.get(tool.name());
            if (!tool.equals(before)) {
                try {
                    if (before != null) {
                        remove.accept(tool.name());
                    }
                    add.accept(spec);
                    registered.put(tool.name(), tool);
                    changed.add(tool.name());
                } catch (RuntimeException e) {
                    registered.remove(tool.name());
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return changed;
    }
}
