package dev.hook0mcp.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import org.junit.jupiter.api.Test;

class TokenEchoTest {

    private static final String TOKEN = "EoUCCpoBCgR0eXBlCg5zZXJ2aWNlX2FjY2VzcwoIdG9rZW5faWQKCmNyZWF0ZWRfYXQK";

    @Test
    void theTokenAndAnyExcerptOfItsStartAreMaskedInTextAndStructure() {
        ObjectNode structured = Json.object().put("message", "Hook0 said: Bearer " + TOKEN + " is not allowed");
        structured.putArray("validation").add("starts " + TOKEN.substring(0, 30) + "…");
        structured.putObject("fields").put("Bearer " + TOKEN, "echoed as a member name");
        ToolOutcome masked = TokenEcho.mask(ToolOutcome.failure(structured), TOKEN);
        assertEquals("Hook0 said: Bearer " + TokenEcho.MASK + " is not allowed", masked.structured().path("message").asText());
        assertEquals("starts " + TokenEcho.MASK + "…", masked.structured().path("validation").path(0).asText());
        assertEquals(-1, masked.text().indexOf(TOKEN.substring(0, TokenEcho.MIN_RUN)), masked.text());
        assertEquals(-1, masked.structured().toString().indexOf(TOKEN.substring(0, TokenEcho.MIN_RUN)),
                "member names are masked as in the text");
        assertEquals(-1, structured.toString().indexOf(TokenEcho.MASK), "the original result is left as it was");
    }

    @Test
    void aResultWithoutTheTokenIsReturnedAsItIs() {
        ToolOutcome outcome = ToolOutcome.success(Json.object().put("payload", TOKEN.substring(0, TokenEcho.MIN_RUN - 1)));
        assertSame(outcome, TokenEcho.mask(outcome, TOKEN));
        assertSame(outcome, TokenEcho.mask(outcome, null));
    }
}
