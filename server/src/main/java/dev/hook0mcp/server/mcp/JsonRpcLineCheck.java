package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides whether one stdin line is a JSON-RPC 2.0 message the SDK can take. The SDK's stdio transport ends the
 * session on a line it cannot read, so a bad line is answered here with a JSON-RPC error instead, and the
 * server keeps serving.
 */
public final class JsonRpcLineCheck {

    static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    private JsonRpcLineCheck() {}

    /** One line, read as JSON once: the message, and the error response to send back instead when there is one. */
    public record Checked(JsonNode message, Optional<ObjectNode> problem) {}

    /**
     * The bytes of one line or body as {@code decoded} ({@code new String(bytes, UTF_8)}) read them. Bytes that are
     * not UTF-8 (e.g. a Latin-1 é) are a parse error: decoding put U+FFFD in their place, which would go on to
     * Hook0 as if it had been typed. Only text that holds U+FFFD is decoded a second time, strictly, to tell a
     * typed one from a replaced one.
     */
    public static Checked check(byte[] bytes, String decoded) {
        if (decoded.indexOf('\uFFFD') >= 0) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
            } catch (CharacterCodingException e) {
                return new Checked(null, Optional.of(error(null, PARSE_ERROR, "Parse error: the message is not"
                        + " valid UTF-8 (at byte " + in.position() + "); send its text as UTF-8")));
            }
        }
        return check(decoded);
    }

    /** One JSON value per line: {@code {..}{..}} is not two messages, and the second is not silently dropped. */
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static Checked check(String line) {
        JsonNode message;
        try {
            message = ONE_VALUE.readTree(line);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // valid JSON, perhaps, but past Jackson's limits (nesting depth, number or string length)
            return new Checked(null, Optional.of(error(null, INVALID_REQUEST, "Invalid Request: the message exceeds"
                    + " a JSON size limit (nesting deeper than " + Json.MAPPER.getFactory().streamReadConstraints()
                    .getMaxNestingDepth() + " levels, or a number or string too long)")));
        } catch (Exception e) {
            return new Checked(null, Optional.of(error(null, PARSE_ERROR, "Parse error: the line is not valid JSON")));
        }
        return new Checked(message, problem(message));
    }

    /** The error response to send back, or empty when the line may go to the SDK. */
    public static Optional<ObjectNode> problem(String line) {
        return check(line).problem();
    }

    private static Optional<ObjectNode> problem(JsonNode message) {
        if (message == null || !message.isObject()) {
            String what = message != null && message.isArray()
                    ? "JSON-RPC batches are not supported (removed in MCP 2025-06-18); send one message per line"
                    : "a JSON-RPC message must be a JSON object";
            return Optional.of(error(null, INVALID_REQUEST, "Invalid Request: " + what));
        }
        JsonNode id = message.get("id");
        boolean validId = id == null || id.isTextual() || id.isIntegralNumber() && id.canConvertToLong();
        JsonNode replyId = validId || id.isIntegralNumber() ? id : null;
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            return Optional.of(error(replyId, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
        }
        if (!validId) {
            return Optional.of(error(replyId, INVALID_REQUEST,
                    "Invalid Request: \"id\" must be a string or an integer between -2^63 and 2^63-1"));
        }
        JsonNode method = message.get("method");
        if (method != null) {
            if (!method.isTextual()) {
                return Optional.of(error(replyId, INVALID_REQUEST, "Invalid Request: \"method\" must be a string"));
            }
            JsonNode params = message.get("params");
            if (params != null && !params.isNull() && !params.isObject()) {
                return Optional.of(error(replyId, INVALID_PARAMS, "Invalid params: \"params\" must be an object"));
            }
            JsonNode progressToken = params == null ? null : params.path("_meta").get("progressToken");
            if (progressToken != null && !progressToken.isTextual()
                    && !(progressToken.isIntegralNumber() && progressToken.canConvertToLong())) {
                return Optional.of(error(replyId, INVALID_PARAMS,
                        "Invalid params: \"_meta.progressToken\" must be a string or an integer"));
            }
            return paramsProblem(method.asText(), params).map(p -> error(replyId, INVALID_PARAMS, "Invalid params: " + p));
        }
        if (id != null && (message.has("result") || message.has("error"))) {
            return Optional.empty();
        }
        return Optional.of(error(replyId, INVALID_REQUEST,
                "Invalid Request: expected a request (method), a notification or a response"));
    }

    /**
     * Parameters missing or of the wrong JSON type for the methods that take a name, arguments, a URI or a
     * completion reference: the SDK would answer them with a Java message, or (Streamable HTTP) not at all.
     */
    private static Optional<String> paramsProblem(String method, JsonNode params) {
        boolean none = params == null || params.isNull();
        return switch (method) {
            case "tools/call", "prompts/get" -> {
                if (none || !params.has("name")) {
                    yield Optional.of("\"params.name\" is required: "
                            + (method.equals("tools/call") ? "the tool to call" : "the prompt to get"));
                }
                if (!params.get("name").isTextual()) {
                    yield Optional.of("\"name\" must be a string");
                }
                if (method.equals("tools/call") && ToolCatalog.standard().find(params.get("name").asText()).isEmpty()) {
                    yield Optional.of("unknown tool " + shown(params.get("name").asText())
                            + ": not one of this server's tools (tools/list lists them)");
                }
                JsonNode arguments = params.get("arguments");
                if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                    yield Optional.of("\"arguments\" must be an object (a JSON object of argument names to values)");
                }
                yield Optional.empty();
            }
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> {
                if (none || !params.has("uri")) {
                    yield Optional.of("\"params.uri\" is required: the resource's URI, e.g. hook0://organization");
                }
                yield params.get("uri").isTextual() ? Optional.empty() : Optional.of("\"uri\" must be a string");
            }
            case "logging/setLevel" -> none || !params.path("level").isTextual()
                    ? Optional.of("\"params.level\" is required: a log level such as \"info\"") : Optional.empty();
            case "completion/complete" -> {
                if (none || !params.path("ref").isObject() || !params.path("ref").path("type").isTextual()) {
                    yield Optional.of("\"params.ref\" must be an object with a \"type\" (ref/prompt or ref/resource)");
                }
                JsonNode argument = params.path("argument");
                if (!argument.isObject() || !argument.path("name").isTextual()
                        || !(argument.path("value").isTextual() || argument.path("value").isMissingNode())) {
                    yield Optional.of("\"params.argument\" must be an object with a string \"name\" and \"value\"");
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** A name as an error message quotes it: printable, and at most 64 characters of it. */
    private static String shown(String name) {
        String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(64).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + printable + (name.codePointCount(0, name.length()) > 64 ? "…" : "") + "'";
    }

    public static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        if (id == null) {
            response.putNull("id");
        } else {
            response.set("id", id);
        }
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }
}
