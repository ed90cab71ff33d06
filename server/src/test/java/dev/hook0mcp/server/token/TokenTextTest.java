package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenTextTest {

    private static final String TOKEN = "EoUCCpoBCgR0eXBlCg5zZXJ2aWNlX2FjY2VzcwoIdG9rZW5faWQKCmNyZWF0ZWRfYXQK";

    @Test
    void onePastedBearerPrefixIsRemoved() {
        assertEquals(TOKEN, TokenText.normalize(TOKEN));
        assertEquals(TOKEN, TokenText.normalize("  Bearer " + TOKEN + "\n"));
        assertEquals(TOKEN, TokenText.normalize("bearer\t" + TOKEN));
        assertEquals("Bearer " + TOKEN, TokenText.normalize("Bearer Bearer " + TOKEN), "once, not repeatedly");
        assertNull(TokenText.normalize("Bearer "));
        assertNull(TokenText.normalize("  "));
        assertEquals("Bearerish", TokenText.normalize("Bearerish"), "only the word Bearer");
    }

    @Test
    void anAuthorizationHeaderLosesItsSchemeAndOnePastedPrefix() {
        assertEquals(TOKEN, TokenText.fromAuthorizationHeader("Bearer " + TOKEN));
        assertEquals(TOKEN, TokenText.fromAuthorizationHeader("Bearer Bearer " + TOKEN));
        assertNull(TokenText.fromAuthorizationHeader("Bearer"));
        assertNull(TokenText.fromAuthorizationHeader(null));
    }

    @Test
    void tokenLikeTextIsRecognisedAndNotQuoted() {
        assertTrue(TokenText.looksLikeToken(TOKEN));
        assertTrue(TokenText.looksLikeToken("Bearer " + TOKEN));
        assertFalse(TokenText.looksLikeToken("--bogus"));
        assertFalse(TokenText.looksLikeToken("/home/me/.config/hook0/service-token-for-production.txt"));
        assertFalse(TokenText.looksLikeToken("applications,events"));
        assertFalse(TokenText.looksLikeToken("550e8400-e29b-41d4-a716-446655440000"));
        assertEquals("'soon'", TokenText.quoted("soon"));
        assertEquals("(value not shown: it looks like a token)", TokenText.quoted(TOKEN));
    }
}
