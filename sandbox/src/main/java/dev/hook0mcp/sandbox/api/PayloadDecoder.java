package dev.hook0mcp.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Ingest's payload rules: the content type must be one Hook0 handles (400), a JSON payload must parse
 * (400), a base64 payload must be standard base64 and is stored decoded (400); otherwise the UTF-8 bytes.
 */
final class PayloadDecoder {

    static final String TEXT = "text/plain";
    static final String JSON = "application/json";
    static final String BASE64 = "application/octet-stream+base64";
    static final List<String> CONTENT_TYPES = List.of(TEXT, JSON, BASE64);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PayloadDecoder() {
    }

    static byte[] decode(String contentType, String payload) {
        switch (contentType) {
            case TEXT:
                return payload.getBytes(StandardCharsets.UTF_8);
            case JSON:
                try {
                    MAPPER.readTree(payload);
                } catch (JsonProcessingException e) {
                    throw new ProblemException(Problem.eventInvalidJsonPayload(e.getOriginalMessage()));
                }
                return payload.getBytes(StandardCharsets.UTF_8);
            case BASE64:
                try {
                    return Base64.getDecoder().decode(payload);
                } catch (IllegalArgumentException e) {
                    throw new ProblemException(Problem.eventInvalidBase64Payload(e.getMessage()));
                }
            default:
                throw new ProblemException(Problem.eventInvalidPayloadContentType(CONTENT_TYPES));
        }
    }
}
