package dev.hook0mcp.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Status, headers and body of one answer. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ApiResponse json(int status, JsonNode body) {
        return withBody(status, "application/json", write(body));
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    public static ApiResponse created(JsonNode body) {
        return json(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, new LinkedHashMap<>(), new byte[0]);
    }

    public static ApiResponse problem(Problem problem) {
        ApiResponse response = withBody(problem.status(), Problem.CONTENT_TYPE, write(problem.toJson()));
        if (problem.status() == 503) {
            response.headers().put("Retry-After", "5");
        }
        return response;
    }

    public static ApiResponse plain(int status, String text) {
        return withBody(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private static ApiResponse withBody(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new ApiResponse(status, headers, body);
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
