package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.bench.ToolsListFacts;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What assistants see, committed: the {@code tools/list} result as served for each kind of token, produced by the
 * real path (the token inspected against the sandbox, the tools converted and serialized as the SDK sends them)
 * and compared with {@code src/test/resources/wire/tools-list.<kind>.json}. Any change to a tool's name,
 * description, annotations or schemas, or to which tools a token gets, shows up in review as a diff of those files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsListSnapshotTest {

    static final String REFRESH = "mvn -B test -pl server -am -Dtest=ToolsListSnapshotTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dhook0mcp.snapshots.update=true";

    private Sandbox sandbox;
    /** One server for every kind, as an HTTP server serves each caller's own token. */
    private ServerCore core;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        core = new ServerCore(new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                "HOOK0_UNPACED_PROBES", "true")).parse(new String[0]));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private String token(String kind) {
        Set<String> readOnly = Set.copyOf(Hook0Actions.standard().readOnlyClaim());
        Set<String> readIngest = new HashSet<>(readOnly);
        readIngest.add("event:ingest");
        return switch (kind) {
            case "root" -> sandbox.rootToken();
            case "read-only" -> sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(readOnly));
            case "read-ingest" -> sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.none().allowActions(readIngest));
            case "one-application" -> sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.application(sandbox.applicationId()));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The tools/list result the server sends for this token, as pretty-printed JSON. */
    private String served(String kind) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(wire(kind));
        return Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
    }

    /** The tools/list result the server sends for this token, as the SDK serializes it. */
    private String wire(String kind) throws IOException {
        String token = token(kind);
        ToolSurface surface = core.inspector().inspect(token).surface();
        McpSchema.ListToolsResult result = new McpSchema.ListToolsResult(
                surface.enabled().stream().map(t -> McpTools.toMcp(t, surface)).toList(), null);
        return new JacksonMcpJsonMapper(Json.MAPPER).writeValueAsString(result);
    }

    /**
     * Issue #13: a root token's whole tools/list answer line (as the benchmark counts it) within 32 KiB, every tool
     * listed, every input property described.
     */
    @Test
    void theRootTokensAnswerFitsIn32KiBWithEveryPropertyDescribed() throws IOException {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":" + wire("root") + "}";
        ToolsListFacts facts = ToolsListFacts.of(line);
        System.out.println("tools/list answer for a root token: " + facts);
        assertEquals(ToolCatalog.standard().size(), facts.tools(), "every catalogue tool");
        assertEquals(0, facts.undescribed(), "input properties without a description");
        assertTrue(facts.bytes() <= 32 * 1024, "tools/list for a root token is " + facts.bytes()
                + " bytes; the budget is 32 KiB (32,768)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"root", "read-only", "read-ingest", "one-application"})
    void toolsListIsTheCommittedSnapshot(String kind) throws IOException {
        String served = served(kind);
        Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "wire",
                "tools-list." + kind + ".json");
        if (Boolean.getBoolean("hook0mcp.snapshots.update")) {
            Files.writeString(file, served, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(file), "no snapshot " + file + "; make it with: " + REFRESH);
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(committed, served, "tools/list for a " + kind + " token differs from " + file.getFileName()
                + ". If the change is intended, refresh the snapshots with:\n  " + REFRESH
                + "\nand commit them, so the difference shows in review.");
    }
}
