package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything about one tool, read from its file in {@code hook0-tools/}. Schemas are handed out as copies so the
 * catalogue stays immutable.
 *
 * @param auditOmit argument paths (as {@link ResultShape#redact}: {@code payload_json}, {@code target.headers.*})
 *                  whose values the audit log never shows: payloads, secrets, target header values
 */
public record ToolDefinition(
        String name,
        String title,
        String description,
        ToolAnnotations annotations,
        String action,
        ToolScope scope,
        String toolset,
        Binding binding,
        ResultShape result,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        java.util.List<String> auditOmit) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(annotations, name + ": annotations");
        Objects.requireNonNull(scope, name + ": scope");
        Objects.requireNonNull(binding, name + ": binding");
        Objects.requireNonNull(result, name + ": result");
        Objects.requireNonNull(inputSchema, name + ": inputSchema");
        Objects.requireNonNull(outputSchema, name + ": outputSchema");
        inputSchema = inputSchema.deepCopy();
        outputSchema = outputSchema.deepCopy();
        auditOmit = java.util.List.copyOf(auditOmit);
    }

    @Override
    public ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }

    @Override
    public ObjectNode outputSchema() {
        return outputSchema.deepCopy();
    }

    /** Whether the tool only reads (the catalogue's readOnlyHint is the single source of that fact). */
    public boolean isRead() {
        return annotations.readOnlyHint();
    }

    /** The names of the input properties, in schema order. */
    public java.util.List<String> argumentNames() {
        var names = new java.util.ArrayList<String>();
        JsonNode props = inputSchema.path("properties");
        props.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
