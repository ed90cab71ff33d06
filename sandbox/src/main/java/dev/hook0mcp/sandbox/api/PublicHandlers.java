package dev.hook0mcp.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.Router;

/** Unauthenticated routes: {@code /instance}, {@code /payload_content_types}, {@code /errors}. */
public final class PublicHandlers {

    private final String publicKeyHex;

    public PublicHandlers(String publicKeyHex) {
        this.publicKeyHex = publicKeyHex;
    }

    public void register(Router router) {
        router.add("GET", "/instance", false, this::instance);
        router.add("GET", "/payload_content_types", false, this::payloadContentTypes);
        router.add("GET", "/errors", false, this::errors);
    }

    ApiResponse instance(ApiRequest request) {
        return ApiResponse.ok(Views.instanceConfig(publicKeyHex));
    }

    ApiResponse payloadContentTypes(ApiRequest request) {
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        PayloadDecoder.CONTENT_TYPES.forEach(types::add);
        return ApiResponse.ok(types);
    }

    ApiResponse errors(ApiRequest request) {
        ArrayNode problems = JsonNodeFactory.instance.arrayNode();
        Problem.catalogue().forEach(p -> problems.add(p.toJson()));
        return ApiResponse.ok(problems);
    }
}
