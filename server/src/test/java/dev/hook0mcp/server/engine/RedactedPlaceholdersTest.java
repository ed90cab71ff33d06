package dev.hook0mcp.server.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.results.ResultShaper;
import org.junit.jupiter.api.Test;

class RedactedPlaceholdersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOWN = ResultShaper.REDACTED;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace("SHOWN", SHOWN));
    }

    @Test
    void aHeaderPassedBackAsShownKeepsTheStoredSecret() throws Exception {
        JsonNode body = json("{\"target\":{\"url\":\"https://new.example\",\"headers\":{\"X-Key\":\"SHOWN\",\"X-Env\":\"prod\"}}}");
        JsonNode stored = json("{\"target\":{\"url\":\"https://old.example\",\"headers\":{\"X-Key\":\"s3cret\"}}}");
        RedactedPlaceholders.restore(body, stored);
        assertEquals("s3cret", body.at("/target/headers/X-Key").asText());
        assertEquals("prod", body.at("/target/headers/X-Env").asText(), "a new value is written as given");
        assertEquals("https://new.example", body.at("/target/url").asText());
    }

    @Test
    void aPlaceholderWithNoStoredValueIsRefusedWithItsPlace() throws Exception {
        JsonNode body = json("{\"target\":{\"headers\":{\"X-New\":\"SHOWN\"}}}");
        JsonNode stored = json("{\"target\":{\"headers\":{}}}");
        ArgumentException e = assertThrows(ArgumentException.class, () -> RedactedPlaceholders.restore(body, stored));
        assertTrue(e.getMessage().startsWith("target.headers.X-New: this is the placeholder"), e.getMessage());
    }

    @Test
    void otherToolsRefuseThePlaceholderAnywhere() throws Exception {
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> RedactedPlaceholders.refuse(json("{\"target\":{\"headers\":{\"A\":\"SHOWN\"}},\"l\":[\"SHOWN\"]}")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("l[0]:"), e.getMessage());
        assertDoesNotThrow(() -> RedactedPlaceholders.refuse(json("{\"name\":\"[redacted] is fine as a name\"}")));
    }
}
