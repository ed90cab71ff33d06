package dev.hook0mcp.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a tool's arguments against its input schema before anything is sent: unknown arguments first (with the
 * list of accepted ones), then every JSON Schema rule, each problem naming its argument.
 */
public final class ArgumentValidator {


    /** Checks arguments against a JSON Schema given as is (compiled and cached by its text). */
    public void validate(ObjectNode inputSchema, ObjectNode arguments) {
        List<String> names = new ArrayList<>();
        inputSchema.path("properties").fieldNames().forEachRemaining(names::add);
        validate(names, JsonSchemas.compile(inputSchema), arguments);
    }

    /** Checks arguments against a tool's input schema as this caller sees it (compiled once per surface). */
    void validate(ToolSurface surface, String tool, ObjectNode arguments) {
        validate(surface.argumentNames(tool), surface.compiledInputSchema(tool), arguments);
    }

    private static void validate(List<String> known, Schema schema, ObjectNode arguments) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add("unknown argument '" + name + "' (accepted: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
        for (Error error : schema.validate(arguments)) {
            problems.add(describe(error));
        }
        if (!problems.isEmpty()) {
            throw new ArgumentException(problems);
        }
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String argument = argumentName(location);
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            String parent = argument.isEmpty() ? "" : argument + ".";
            return "missing required argument '" + parent + error.getProperty() + "'";
        }
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        if (argument.isEmpty()) {
            return message;
        }
        if ("pattern".equals(error.getKeyword()) && String.valueOf(error.getSchemaNode()).contains("{8}-")) {
            message = "must be a UUID such as 0195a3c1-7f00-7000-8000-00000000b001";
        }
        return "argument '" + argument + "': " + message;
    }

    /** "/target/method" (JSON pointer) or "$.target.method" → "target.method"; the root → "". */
    static String argumentName(String location) {
        String name = location.startsWith("$") ? location.substring(1) : location;
        name = name.replace('/', '.');
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name;
    }
}
