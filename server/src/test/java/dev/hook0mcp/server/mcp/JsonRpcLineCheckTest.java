package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonRpcLineCheckTest {

    @Test
    void wellFormedMessagesPass() {
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").isEmpty());
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").isEmpty());
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}").isEmpty());
    }

    @Test
    void malformedMessagesGetTheRightJsonRpcError() {
        assertEquals(-32700, code("{not json"));
        assertEquals(-32600, code("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"));
        assertEquals(-32600, code("{\"id\":1,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}"));
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(5_000)
                + "]".repeat(5_000) + "}}";
        assertEquals(-32600, code(deep), "valid JSON nested past the limit is not called invalid JSON");
        assertTrue(JsonRpcLineCheck.check(deep).problem().orElseThrow().path("error").path("message").asText()
                .contains("nesting deeper than"));
        assertEquals("7", JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}").get().get("id").asText(),
                "the error answers the request's own id when it has one");
    }

    @Test
    void idsBeyond64BitsAndParamsOfTheWrongTypeAreRefusedBeforeTheSdkSeesThem() {
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775808,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775809,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":1.0,\"method\":\"ping\"}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}")
                .isEmpty());
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":1}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"get_token_info\",\"arguments\":\"{}\"}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":"
                + "{\"name\":\"get_token_info\",\"arguments\":[]}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":2}}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"get_token_info\",\"arguments\":{}}}").isEmpty());
    }

    @Test
    void methodsThatNeedParamsAreRefusedWithoutThemNamingWhatIsMissing() {
        for (String method : new String[] {"tools/call", "prompts/get", "resources/read", "completion/complete",
                "logging/setLevel"}) {
            for (String params : new String[] {"", ",\"params\":null", ",\"params\":{}"}) {
                String line = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\"" + params + "}";
                var error = JsonRpcLineCheck.problem(line).orElseThrow(() -> new AssertionError(line)).path("error");
                assertEquals(-32602, error.path("code").asInt(), line);
                assertTrue(error.path("message").asText().contains("\"params."), line + " → " + error);
            }
        }
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":"
                + "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":3}}}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":"
                + "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}}")
                .isEmpty());
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").isEmpty());
    }

    @Test
    void bytesThatAreNotUtf8AreAParseErrorWhileATypedReplacementCharacterIsNot() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String decoded = new String(latin1, java.nio.charset.StandardCharsets.UTF_8);
        var error = JsonRpcLineCheck.check(latin1, decoded).problem().orElseThrow().path("error");
        assertEquals(-32700, error.path("code").asInt());
        assertTrue(error.path("message").asText().contains("not valid UTF-8 (at byte 12)"), error.toString());

        byte[] typed = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_token_info\","
                + "\"arguments\":{\"note\":\"\ufffd caf\u00e9\"}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(JsonRpcLineCheck.check(typed, new String(typed, java.nio.charset.StandardCharsets.UTF_8)).problem()
                .isEmpty());
    }

    @Test
    void twoMessagesOnOneLineAreAParseErrorNotOneMessageAndADroppedOne() {
        assertEquals(-32700, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}  \r").isEmpty());
    }

    @Test
    void aToolNameOutsideTheCatalogueIsNamedShortlyInTheError() {
        var error = JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"" + "x".repeat(100_000) + "\"}}").orElseThrow().path("error");
        assertEquals(-32602, error.path("code").asInt());
        String message = error.path("message").asText();
        assertTrue(message.startsWith("Invalid params: unknown tool 'xxxx") && message.contains("…'"), message);
        assertTrue(message.length() < 200, message);
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"get_token_info\"}}").isEmpty(), "a catalogue tool, hidden or not, goes on");
    }

    @Test
    void aProgressTokenIsAStringOrAnInteger() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_token_info\","
                + "\"_meta\":{\"progressToken\":";
        for (String bad : new String[] {"{}", "[]", "1.5", "true"}) {
            assertEquals(-32602, code(call + bad + "}}}"), bad);
        }
        for (String good : new String[] {"\"p-1\"", "7"}) {
            assertTrue(JsonRpcLineCheck.problem(call + good + "}}}").isEmpty(), good);
        }
    }

    private static int code(String line) {
        return JsonRpcLineCheck.problem(line).orElseThrow().path("error").path("code").asInt();
    }
}
