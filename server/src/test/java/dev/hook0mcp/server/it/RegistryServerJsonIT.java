package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code server.json} the bundle build writes for the MCP registry, checked against the fields the registry
 * documents (server.json format and its MCPB package type, schema 2025-12-11): required members and their limits,
 * the name format, an {@code mcpb} package whose identifier is a GitHub release download and whose
 * {@code fileSha256} is the packed bundle's, and the environment the bundle's manifest sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryServerJsonIT {

    private static final Set<String> SERVER_MEMBERS = Set.of("$schema", "name", "title", "description", "version",
            "repository", "websiteUrl", "icons", "packages", "remotes", "_meta");
    private static final Set<String> PACKAGE_MEMBERS = Set.of("registryType", "registryBaseUrl", "identifier",
            "version", "fileSha256", "runtimeHint", "transport", "runtimeArguments", "packageArguments",
            "environmentVariables");
    private static final String NAME = "^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$";
    private static final String VERSION_RANGE = ".*[\\^~<>=*]|.*\\.x$|^latest$";

    private McpbBundle bundle;
    private JsonNode server;

    @BeforeAll
    void build() throws Exception {
        bundle = McpbBundle.build();
        server = bundle.serverJson;
    }

    @Test
    void hasTheRequiredMembersWithinTheirLimits() {
        assertTrue(SERVER_MEMBERS.containsAll(names(server)), () -> "undocumented members: " + names(server));
        assertTrue(server.path("$schema").asText().matches("https://static\\.modelcontextprotocol\\.io/schemas/.+/server\\.schema\\.json"));
        String name = server.path("name").asText();
        assertTrue(name.matches(NAME) && name.length() >= 3 && name.length() <= 200, name);
        String description = server.path("description").asText();
        assertTrue(!description.isEmpty() && description.length() <= 100, () -> description.length() + ": " + description);
        String version = server.path("version").asText();
        assertFalse(version.isEmpty() || version.length() > 255 || version.matches(VERSION_RANGE), version);
        assertEquals(bundle.manifest.path("version").asText(), version, "the bundle's version");
    }

    @Test
    void theNameIsTheGitHubNamespaceOfTheRepositoryThatHostsTheBundle() {
        String name = server.path("name").asText();
        assertTrue(name.startsWith("io.github."), name);
        String ownerAndRepo = name.substring("io.github.".length());
        assertEquals("https://github.com/" + ownerAndRepo, server.path("repository").path("url").asText());
        assertEquals("github", server.path("repository").path("source").asText());
        URI download = URI.create(onlyPackage().path("identifier").asText());
        assertEquals("/" + ownerAndRepo + "/releases/download/v" + server.path("version").asText()
                + "/" + bundle.bundle.getFileName(), download.getPath());
    }

    @Test
    void itsPackageIsTheBundleWithItsSha256() throws Exception {
        JsonNode pkg = onlyPackage();
        assertTrue(PACKAGE_MEMBERS.containsAll(names(pkg)), () -> "undocumented members: " + names(pkg));
        assertEquals("mcpb", pkg.path("registryType").asText());
        URI identifier = URI.create(pkg.path("identifier").asText());
        assertEquals("https", identifier.getScheme());
        assertTrue(Set.of("github.com", "gitlab.com").contains(identifier.getHost()), "GitHub or GitLab releases only");
        assertTrue(identifier.toString().contains("mcp"), "the registry requires \"mcp\" in an MCPB package URL");
        assertEquals(server.path("version").asText(), pkg.path("version").asText());
        assertTrue(pkg.path("fileSha256").asText().matches("^[a-f0-9]{64}$"));
        assertEquals(McpbBundle.sha256(bundle.bundle), pkg.path("fileSha256").asText(), "the packed bundle's hash");
        assertEquals("stdio", pkg.path("transport").path("type").asText());
    }

    @Test
    void itsEnvironmentIsTheOneTheBundleSetsWithTheTokenSecret() {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        onlyPackage().path("environmentVariables").forEach(v -> variables.put(v.path("name").asText(), v));
        Set<String> manifestEnv = new TreeSet<>();
        bundle.manifest.path("server").path("mcp_config").path("env").fieldNames().forEachRemaining(manifestEnv::add);
        assertEquals(manifestEnv, new TreeSet<>(variables.keySet()));

        JsonNode token = variables.get("HOOK0_API_TOKEN");
        assertTrue(token.path("isSecret").asBoolean());
        assertTrue(token.path("isRequired").asBoolean());
        assertFalse(token.has("default") || token.has("value"), "no token value in a public listing");
        assertEquals(bundle.manifest.path("user_config").path("hook0_api_url").path("default").asText(),
                variables.get("HOOK0_API_URL").path("default").asText());
        assertFalse(variables.get("HOOK0_API_URL").path("isSecret").asBoolean());
    }

    private JsonNode onlyPackage() {
        JsonNode packages = server.path("packages");
        assertEquals(1, packages.size(), "one package: the bundle");
        return packages.get(0);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
