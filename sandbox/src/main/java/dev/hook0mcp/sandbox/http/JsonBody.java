package dev.hook0mcp.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A request body read as actix's {@code Json<T>} extractor + serde would: Content-Type must be JSON, the
 * body must parse, required members must be present with the right JSON type (absent or null optional
 * members are None, unknown members are ignored). Any failure is a 400 {@code JsonPayload} problem,
 * raised before authorization.
 */
public final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** actix's default JSON limit is 2 MiB; Hook0 raises it for event payloads. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final ObjectNode node;
    private final String path;

    private JsonBody(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonBody parse(String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw fail("Content-Type header should be set to 'application/json'");
        }
        if (body.length > MAX_BYTES) {
            throw fail("Body is too big (maximum is " + MAX_BYTES + " bytes)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw fail("JSON deserialization error: " + firstLine(e));
        }
        if (root == null || root.isMissingNode()) {
            throw fail("JSON deserialization error: EOF while parsing a value at line 1 column 0");
        }
        if (!root.isObject()) {
            throw fail("JSON deserialization error: invalid type: " + describe(root) + ", expected a struct");
        }
        return new JsonBody((ObjectNode) root, "");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    public ObjectNode raw() {
        return node;
    }

    public String requiredString(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw typeError(name, value, "a string");
        }
        return value.asText();
    }

    public String optionalString(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(name, value, "a string");
        }
        return value.asText();
    }

    public boolean requiredBoolean(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw typeError(name, value, "a boolean");
        }
        return value.asBoolean();
    }

    public UUID requiredUuid(String name) {
        return uuid(name, requiredString(name));
    }

    public UUID optionalUuid(String name) {
        String text = optionalString(name);
        return text == null ? null : uuid(name, text);
    }

    public Instant requiredDateTime(String name) {
        String text = requiredString(name);
        return Timestamps.parse(text).filter(i -> !text.contains(" ")).orElseThrow(() -> fail(
                "JSON deserialization error: input contains invalid characters for `" + qualified(name) + "`"));
    }

    public Map<String, String> requiredStringMap(String name) {
        return stringMap(name, required(name));
    }

    public Map<String, String> optionalStringMap(String name) {
        JsonNode value = optional(name);
        return value == null ? null : stringMap(name, value);
    }

    public List<String> requiredStringList(String name) {
        return stringList(name, required(name));
    }

    public List<String> optionalStringList(String name) {
        JsonNode value = optional(name);
        return value == null ? null : stringList(name, value);
    }

    public JsonBody requiredObject(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw typeError(name, value, "a struct");
        }
        return new JsonBody((ObjectNode) value, qualified(name) + ".");
    }

    private Map<String, String> stringMap(String name, JsonNode value) {
        if (!value.isObject()) {
            throw typeError(name, value, "a map");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw typeError(name + "." + entry.getKey(), entry.getValue(), "a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    private List<String> stringList(String name, JsonNode value) {
        if (!value.isArray()) {
            throw typeError(name, value, "a sequence");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw typeError(name, item, "a string");
            }
            list.add(item.asText());
        }
        return list;
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw fail("JSON deserialization error: missing field `" + qualified(name) + "`");
        }
        if (value.isNull()) {
            throw typeError(name, value, "a value");
        }
        return value;
    }

    private JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private UUID uuid(String name, String text) {
        return Uuids.parse(text).orElseThrow(() -> fail(
                "JSON deserialization error: UUID parsing failed for `" + qualified(name) + "`"));
    }

    private String qualified(String name) {
        return path + name;
    }

    private ProblemException typeError(String name, JsonNode value, String expected) {
        return fail("JSON deserialization error: invalid type: " + describe(value) + ", expected " + expected
                + " for `" + qualified(name) + "`");
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string \"" + value.asText() + "\"";
        }
        if (value.isBoolean()) {
            return "boolean `" + value.asText() + "`";
        }
        if (value.isNumber()) {
            return (value.isIntegralNumber() ? "integer `" : "floating point `") + value.asText() + "`";
        }
        return value.isArray() ? "sequence" : "map";
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return message == null ? "invalid JSON" : message.lines().findFirst().orElse(message);
    }

    private static ProblemException fail(String detail) {
        return new ProblemException(Problem.jsonPayload(detail));
    }
}
