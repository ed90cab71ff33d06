package dev.hook0mcp.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.Hook0RouteDigest.Body;
import dev.hook0mcp.catalog.Hook0RouteDigest.Operation;
import dev.hook0mcp.catalog.Hook0RouteDigest.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The route digest: how it is made from an OpenAPI document, and that the committed one is current. */
class OpenApiRouteDigesterTest {

    private static final String SMALL_DOCUMENT = """
            {
              "openapi": "3.0.0",
              "info": {"title": "Tiny API", "version": "9.9.9"},
              "paths": {
                "/api/v1/things/": {
                  "get": {"parameters": [{"in": "query", "name": "owner_id", "required": true},
                                         {"in": "query", "name": "limit"}]},
                  "post": {"requestBody": {"$ref": "#/components/requestBodies/NewThing"}}
                },
                "/api/v1/things/{thing_id}": {
                  "parameters": [{"$ref": "#/components/parameters/ThingId"}],
                  "summary": "not an operation",
                  "delete": {}
                }
              },
              "components": {
                "parameters": {"ThingId": {"in": "path", "name": "thing_id", "required": true}},
                "requestBodies": {"NewThing": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ThingPost"}}}}},
                "schemas": {"ThingPost": {"type": "object", "required": ["name"],
                    "properties": {"name": {"type": "string"}, "colour": {"type": "string"}}}}
              }
            }
            """;

    @Test
    void anOpenApiDocumentBecomesOneLinePerRoute() throws IOException {
        String text = OpenApiRouteDigester.digest(SMALL_DOCUMENT.getBytes(StandardCharsets.UTF_8));
        Hook0RouteDigest digest = Hook0RouteDigest.parse(CatalogFixtures.JSON.readTree(text));

        assertEquals(3, digest.size());
        assertEquals(List.of("GET", "POST"), digest.methods("/api/v1/things"), "trailing slash dropped");
        assertEquals(new Operation("GET", "/api/v1/things",
                List.of(new Parameter("limit", "query", false), new Parameter("owner_id", "query", true)),
                Optional.empty()), digest.operation("GET", "/api/v1/things/").orElseThrow());
        assertEquals(Optional.of(new Body(List.of("colour", "name"), List.of("name"))),
                digest.operation("POST", "/api/v1/things").orElseThrow().body(), "request body $refs followed");
        assertEquals(List.of(new Parameter("thing_id", "path", true)),
                digest.operation("DELETE", "/api/v1/things/{thing_id}").orElseThrow().parameters(),
                "path-item parameters belong to each operation");
        assertFalse(digest.hasPath("/api/v1/thing"));

        assertEquals("9.9.9", digest.source().path("info_version").asText());
        assertEquals("Tiny API", digest.source().path("title").asText());
        assertTrue(digest.source().path("sha256").asText().matches("[0-9a-f]{64}"));
        assertEquals(3, text.lines().filter(line -> line.contains("\"method\"")).count(), "one line per route");
    }

    @Test
    void anExternalReferenceIsRefused() {
        String external = "{\"paths\":{\"/x\":{\"get\":{\"parameters\":[{\"$ref\":\"other.json#/p\"}]}}}}";
        assertThrows(IllegalStateException.class,
                () -> OpenApiRouteDigester.digest(external.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCommittedDigestSaysWhereItCameFrom() {
        JsonNode source = Hook0RouteDigest.committed().source();
        assertEquals("Hook0 API", source.path("title").asText());
        assertFalse(source.path("info_version").asText().isBlank(), "Hook0's info.version");
        assertTrue(source.path("sha256").asText().matches("[0-9a-f]{64}"), "SHA-256 of the OpenAPI document");
    }

    /**
     * Regenerates the digest from {@code ../shared/hook0/openapi.snapshot.json} and compares it with the committed
     * file; skipped when the document is not beside the clone. With {@code -Dhook0.routes.refresh=true} it rewrites
     * the committed file instead (see {@link OpenApiRouteDigester#REFRESH_COMMAND}).
     */
    @Test
    void theCommittedDigestIsCurrent() throws IOException {
        Optional<Path> document = CatalogFixtures.openApiDocument();
        assumeTrue(document.isPresent(), "Hook0's OpenAPI document is not beside the clone "
                + "(../shared/hook0/openapi.snapshot.json): the committed digest is used as it is");
        String fresh = OpenApiRouteDigester.digest(Files.readAllBytes(document.get()));
        Path committed = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
                Hook0RouteDigest.RESOURCE);
        if (Boolean.getBoolean("hook0.routes.refresh")) {
            Files.writeString(committed, fresh, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(committed), "committed digest not found: " + committed.toAbsolutePath());
        String current = Files.readString(committed, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(fresh, current, "the route digest " + committed + " is not the digest of " + document.get()
                + "; refresh it with: " + OpenApiRouteDigester.REFRESH_COMMAND
                + " (then review the diff: a changed route may need a catalogue change)");
    }

}
