package dev.hook0mcp.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private static final String TOKEN = "EoUCCpoBCgR0eXBl-Cg5zZXJ2aWNlX2FjY2VzcwoIdG9rZW5faWQKCmNyZWF0ZWRfYXQK"
            + "D29yZ2FuaXphdGlvbl9pZBgDIgoKCAiACBIDGIEIIggKBggWEgIQASIZChcIgggSEioQm7lK9uJZTzi0a4aNFhtmACINCgsI";

    @Test
    void bearerValuesAuthorizationHeadersAndLongBase64RunsAreMasked() {
        assertEquals("Authorization: Bearer [redacted]", SecretRedactor.redact("Authorization: Bearer abc.def"));
        assertEquals("{\"authorization\":\"Bearer [redacted]\"}",
                SecretRedactor.redact("{\"authorization\":\"Bearer short\"}"));
        assertEquals("authorization=[[redacted]]", SecretRedactor.redact("authorization=[Basic]"));
        assertEquals("token [redacted] end", SecretRedactor.redact("token " + TOKEN + " end"));
        String uuid = "id 550e8400-e29b-41d4-a716-446655440000 key "
                + "a".repeat(64);
        assertEquals(uuid, SecretRedactor.redact(uuid), "UUIDs and 64-hex keys stay readable");
    }

    @Test
    void aRememberedTokenIsMaskedEvenWhenShort() {
        SecretRedactor.remember("s3cr3t-token-42");
        assertEquals("saw [redacted] here", SecretRedactor.redact("saw s3cr3t-token-42 here"));
    }

    @Test
    void aTokenWrittenInPiecesThroughAPrintStreamIsStillMasked() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream err = RedactingStream.printStream(sink);
        String line = "x ".repeat(4500) + "Authorization: Bearer " + TOKEN;
        err.println(line);
        String out = sink.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains(TOKEN.substring(0, 30)), "no piece of the token");
        assertEquals("x ".repeat(4500) + "Authorization: Bearer [redacted]" + System.lineSeparator(), out);
    }
}
