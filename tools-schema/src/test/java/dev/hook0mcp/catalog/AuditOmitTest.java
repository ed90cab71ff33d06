package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code auditOmit} names the arguments whose values the audit log never shows. Each path must reach an input
 * property, and an argument whose name says it carries a payload, a secret, a confirmation or target headers
 * must be listed (a new tool cannot forget it).
 */
class AuditOmitTest {

    /** Property names that always carry what the audit log must not show. */
    private static final Set<String> SENSITIVE_NAMES = Set.of("payload", "payload_json", "headers", "secret",
            "confirmation");

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void everyPathReachesAnInputProperty(String name) {
        ToolDefinition tool = catalog().get(name);
        List<String> properties = propertyPaths(tool.inputSchema(), "");
        for (String path : tool.auditOmit()) {
            String property = path.endsWith(".*") ? path.substring(0, path.length() - 2) : path;
            assertTrue(properties.contains(property), name + ": auditOmit '" + path + "' is no input property of "
                    + properties);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void sensitiveArgumentsAreOmitted(String name) {
        ToolDefinition tool = catalog().get(name);
        for (String path : propertyPaths(tool.inputSchema(), "")) {
            String last = path.substring(path.lastIndexOf('.') + 1);
            if (SENSITIVE_NAMES.contains(last)) {
                boolean omitted = tool.auditOmit().stream().anyMatch(p -> p.equals(path) || p.equals(path + ".*"));
                assertTrue(omitted, name + ": argument " + path + " must be listed in auditOmit");
            }
        }
    }

    private static List<String> propertyPaths(JsonNode schema, String prefix) {
        List<String> out = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(e -> {
            out.add(prefix + e.getKey());
            out.addAll(propertyPaths(e.getValue(), prefix + e.getKey() + "."));
        });
        return out;
    }
}
