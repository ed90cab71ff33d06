package dev.hook0mcp.server.results;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Hook0 returns an event's payload as standard base64 whatever its content type. Text and JSON payloads are
 * decoded for the assistant, up to a bound; binary payloads stay base64.
 */
final class PayloadDecoder {

    static final int MAX_DECODED_CHARS = 32_000;

    private PayloadDecoder() {}

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.equals("application/json") || ct.endsWith("+json");
    }

    /** The decoded text, or empty when the payload is not valid base64 of UTF-8 text. */
    static Optional<String> decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            try {
                bytes = Base64.getUrlDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e2) {
                return Optional.empty();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(Truncation.cut(text, MAX_DECODED_CHARS));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
