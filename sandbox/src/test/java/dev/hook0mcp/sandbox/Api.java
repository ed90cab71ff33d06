package dev.hook0mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A tiny client for the tests: one method per verb, returns status, headers and body. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The problem id, or null when the body is not a problem. */
        String problemId() {
            return contentType().startsWith("application/problem+json") ? json().path("id").asText() : null;
        }

        String contentType() {
            return headers.firstValue("content-type").orElse("");
        }

        Optional<String> link() {
            return headers.firstValue("link");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String baseUrl;

    Api(Sandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    Reply get(String path, String token) {
        return send(builder(path, token).GET());
    }

    Reply delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    Reply post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postWithoutContentType(String path, String token, String body) {
        return send(builder(path, token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET with the Authorization header value exactly as given (null: no header). */
    Reply getWithAuthorization(String path, String authorizationValue) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (authorizationValue != null) {
            builder.header("Authorization", authorizationValue);
        }
        return send(builder);
    }

    /** Any absolute URL (e.g. a Link target). */
    Reply getUrl(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + "/api/v1" + path);
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
