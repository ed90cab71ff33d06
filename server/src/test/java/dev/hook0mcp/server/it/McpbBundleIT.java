package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MCP Bundle a desktop client installs: built by packaging/mcpb/build.sh with the official CLI (whose
 * {@code mcpb validate} must pass), unpacked, its manifest's {@code mcp_config} resolved with the substitutions a
 * client makes ({@code ${__dirname}}, {@code ${user_config.*}}) and launched against the sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpbBundleIT {

    /**
     * The launch command's JVM options, as README gives them, less the class-data archive (it belongs to the JDK
     * that built it, and a bundle runs on whatever Java 17+ the client finds): JVM warnings to stderr, never stdout;
     * C1 only and a small heap for one client's server, whose native memory is trimmed.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xmn4m",
            "-XX:-UsePerfData", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private McpbBundle bundle;
    private Sandbox sandbox;

    @BeforeAll
    void build() throws Exception {
        bundle = McpbBundle.build();
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theOfficialCliValidatedTheManifest() {
        assertTrue(bundle.validateOutput.contains("Manifest schema validation passes!"), bundle.validateOutput);
        assertFalse(bundle.validateOutput.contains("ERROR"), bundle.validateOutput);
    }

    @Test
    void theBundleShipsTheJarItLaunchesWithJava() {
        JsonNode server = bundle.manifest.path("server");
        assertEquals("binary", server.path("type").asText());
        assertEquals("server/hook0-mcp.jar", server.path("entry_point").asText());
        assertTrue(bundle.unpacked.resolve("server/hook0-mcp.jar").toFile().isFile());
        assertEquals("java", server.path("mcp_config").path("command").asText());
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.addAll(List.of("-jar", "${__dirname}/server/hook0-mcp.jar"));
        assertEquals(jvm, strings(server.path("mcp_config").path("args")));
        // The manifest has no runtime field for Java: the requirement and its failure are said in the text.
        assertTrue(bundle.manifest.path("description").asText().contains("Java 17"));
        assertTrue(bundle.manifest.path("long_description").asText().contains("UnsupportedClassVersionError"));
    }

    @Test
    void theTokenIsARequiredSecretAndTheUrlDefaultsToHook0Cloud() {
        JsonNode token = bundle.manifest.path("user_config").path("hook0_api_token");
        assertEquals("string", token.path("type").asText());
        assertTrue(token.path("sensitive").asBoolean());
        assertTrue(token.path("required").asBoolean());
        JsonNode url = bundle.manifest.path("user_config").path("hook0_api_url");
        assertEquals("https://app.hook0.com", url.path("default").asText());
        assertFalse(url.path("required").asBoolean());
        assertEquals(Map.of("HOOK0_API_TOKEN", "${user_config.hook0_api_token}",
                        "HOOK0_API_URL", "${user_config.hook0_api_url}"),
                Results.JSON.convertValue(bundle.manifest.path("server").path("mcp_config").path("env"), Map.class));
    }

    @Test
    void theManifestListsTheCatalogueTools() {
        Map<String, String> catalogue = new TreeMap<>();
        for (ToolDefinition tool : ToolCatalog.standard().tools()) {
            catalogue.put(tool.name(), tool.description());
        }
        Map<String, String> manifest = new TreeMap<>();
        bundle.manifest.path("tools").forEach(t -> manifest.put(t.path("name").asText(), t.path("description").asText()));
        assertEquals(catalogue, manifest);
    }

    @Test
    void launchedAsAClientWouldItServesTheSandboxWithTheBundledJar() {
        String token = sandbox.rootToken();
        Map<String, String> userConfig = Map.of("hook0_api_token", token, "hook0_api_url", sandbox.baseUrl());
        JsonNode config = bundle.manifest.path("server").path("mcp_config");
        // A client runs "java" from its PATH; here that is the JVM running the tests (Java 17+).
        String command = "java".equals(config.path("command").asText()) ? ServerJar.javaExecutable()
                : substitute(config.path("command").asText(), userConfig);
        List<String> args = strings(config.path("args")).stream().map(a -> substitute(a, userConfig)).toList();
        Map<String, String> env = new LinkedHashMap<>();
        config.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText(), userConfig)));
        List<String> expected = new ArrayList<>(JVM_OPTIONS);
        expected.addAll(List.of("-jar", bundle.unpacked.resolve("server/hook0-mcp.jar").toString()));
        assertEquals(expected, args);

        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(command).args(args).env(ServerJar.cleanEnv(env)).build(),
                new JacksonMcpJsonMapper(Results.JSON));
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build();
        try {
            McpSchema.InitializeResult initialized = client.initialize();
            assertEquals(bundle.manifest.path("version").asText(), initialized.serverInfo().version(),
                    "the manifest's version is the bundled server's");
            Set<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> declared = new TreeSet<>();
            bundle.manifest.path("tools").forEach(t -> declared.add(t.path("name").asText()));
            // the server's log goes into the message: a short list once came out of CI with nothing to explain it
            assertEquals(declared, tools, () -> "a root token gets every tool the manifest declares; server log:\n"
                    + logWithout(stderr, token));
        } finally {
            client.closeGracefully();
        }
        synchronized (stderr) {
            assertFalse(String.join("\n", stderr).contains(token), "the token never reaches the logs");
        }
    }

    private static String logWithout(List<String> stderr, String token) {
        synchronized (stderr) {
            return String.join("\n", stderr).replace(token, "<token>");
        }
    }

    /** ${__dirname} and ${user_config.KEY} (the user's value, else the option's default), as MANIFEST.md says. */
    private String substitute(String text, Map<String, String> userConfig) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("__dirname")) {
                value = bundle.unpacked.toString();
            } else if (name.startsWith("user_config.")) {
                String key = name.substring("user_config.".length());
                JsonNode option = bundle.manifest.path("user_config").path(key);
                assertFalse(option.isMissingNode(), () -> "mcp_config uses an undeclared user_config option: " + key);
                value = userConfig.getOrDefault(key, option.path("default").asText(""));
            } else {
                throw new AssertionError("mcp_config uses a variable this test does not substitute: " + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
