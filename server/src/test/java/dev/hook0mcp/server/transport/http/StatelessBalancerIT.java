package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.metrics.ServerMetrics;
import dev.hook0mcp.server.config.ConfigParser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #14's deployment, for real: three replicas ({@code --stateless}, per-caller tokens, one sandbox Hook0)
 * behind HAProxy running {@code deploy/haproxy.cfg} (round-robin, no stickiness, checks on /healthz), driven by
 * three MCP Java SDK clients with their own tokens (root, read-only, one application). Then the same replicas
 * with sessions, to show why stateless mode exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessBalancerIT {

    private static final int CALLS_PER_CLIENT = 100;
    /** Probing has settled on a replica when its probe count stays the same this long. */
    private static final Duration PROBES_QUIET = Duration.ofMillis(250);
    private static final Pattern TOOL_CALLS = Pattern.compile("(?m)^hook0_mcp_tool_calls_total\\{[^}]*} (\\S+)$");
    private static final Pattern PROBES = Pattern.compile("(?m)^hook0_mcp_probes_sent_total (\\S+)$");
    private static final Pattern CACHED_TOKENS = Pattern.compile("(?m)^hook0_mcp_cached_tokens (\\S+)$");

    /** One mapper for the test's own reads (a new one per call would learn every type again, 300 times). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Sandbox sandbox;
    private Map<String, String> tokens; // caller → token
    private Map<String, String> eventOf; // caller → the event it reads (its requests are told apart by this path)
    private String app;

    @BeforeAll
    void start() throws Exception {
        requireHaproxy();
        sandbox = Sandbox.start(0);
        app = sandbox.applicationId().toString();
        tokens = Map.of(
                "root", sandbox.rootToken(),
                "read-only", sandbox.tokens().attenuate(sandbox.rootToken(),
                        Attenuation.none().allowActions(Attenuation.READ_ACTIONS)),
                "one-application", sandbox.tokens().attenuate(sandbox.rootToken(),
                        Attenuation.application(sandbox.applicationId())));
        List<String> events = eventIds(3);
        eventOf = Map.of("root", events.get(0), "read-only", events.get(1), "one-application", events.get(2));
    }

    /**
     * Skips (JUnit assumption) when haproxy is not installed on a developer's machine; in CI (the {@code CI}
     * variable set) a missing haproxy fails instead, so CI always runs this test ({@code .ci/run} installs it).
     */
    private static void requireHaproxy() {
        boolean installed = Haproxy.installed();
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isBlank()) {
            throw new IllegalStateException("haproxy is not installed, and CI must run this test: install it"
                    + " (apt-get install -y haproxy; .ci/run does)");
        }
        Assumptions.assumeTrue(installed, "haproxy is not installed (apt-get install -y haproxy): the balancer test"
                + " is skipped here; CI runs it");
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void threeCallersThroughARoundRobinBalancerEachGetTheirOwnToolsAndDataFromEveryReplica() throws Exception {
        List<HttpTransportServer> replicas = startReplicas(3, true);
        try (Haproxy balancer = Haproxy.start(replicas.stream().map(HttpTransportServer::port).toList(), workDir())) {
            Map<String, List<String>> ownTools = toolListsOnEveryReplica(replicas);
            assertEquals(3, Set.copyOf(ownTools.values()).size(), "each token kind has its own tool list: " + ownTools);
            List<Double> probes = new ArrayList<>();
            for (HttpTransportServer r : replicas) {
                probes.add(metric(r, PROBES));
                assertEquals(3.0, metric(r, CACHED_TOKENS), "one cached tool surface per token");
            }
            sandbox.requestLog().clear();

            // Phase 1: every replica up, every call must succeed.
            Map<String, McpSyncClient> clients = new HashMap<>();
            for (String caller : tokens.keySet()) {
                clients.put(caller, client(balancer.url(), tokens.get(caller)));
            }
            Run first = run(clients, ownTools, 0, CALLS_PER_CLIENT / 2, null);
            assertEquals(List.of(), first.failures, "with every replica up, no call fails");
            List<Double> served = new ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                served.add(metric(replicas.get(i), TOOL_CALLS));
                assertEquals(probes.get(i), metric(replicas.get(i), PROBES),
                        "each token was probed once per replica, not once per call");
            }
            assertTrue(served.stream().allMatch(n -> n > 0), "every replica served calls: " + served);
            System.out.printf("StatelessBalancerIT: tool calls per replica %s, probes per replica %s%n", served, probes);

            // Phase 2: replica 3 is stopped (SIGTERM's path) while the callers go on.
            CountDownLatch stopNow = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                try {
                    stopNow.await();
                    replicas.get(2).close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            Run second = run(clients, ownTools, CALLS_PER_CLIENT / 2, CALLS_PER_CLIENT, stopNow);
            stopper.join(30_000);
            assertTrue(balancer.awaitOutput(l -> l.contains("mcp3 is DOWN"), 10_000),
                    "the balancer took the stopped replica out:\n" + balancer.output());
            System.out.printf("StatelessBalancerIT: replica 3 stopped mid-run; %d of %d calls failed meanwhile"
                    + " (the balancer retries a refused connection or a 503 on another replica)%s%n",
                    second.failures.size(), second.attempted.get(), second.failures.isEmpty() ? ""
                            : ": " + second.failures);
            assertTrue(second.failures.size() <= 3 * 2, "at most a couple of calls per caller fail while the"
                    + " balancer notices: " + second.failures);
            clients.values().forEach(McpSyncClient::closeGracefully);

            // No token crossed callers: each caller's event was read with that caller's token only.
            List<RecordedRequest> log = sandbox.requestLog().entries();
            Map<String, String> callerOfFingerprint = new HashMap<>();
            tokens.forEach((caller, token) -> callerOfFingerprint.put(TokenFingerprint.full(token), caller));
            for (Map.Entry<String, String> e : eventOf.entrySet()) {
                List<RecordedRequest> reads = log.stream()
                        .filter(r -> r.path().equals("/api/v1/events/" + e.getValue())).toList();
                assertTrue(reads.size() >= first.eventReads(e.getKey()) + second.eventReads(e.getKey()),
                        e.getKey() + ": each of its get_event calls reached Hook0 (" + reads.size() + " reads)");
                for (RecordedRequest r : reads) {
                    String fingerprint = TokenFingerprint.full(bearer(r));
                    assertEquals(e.getKey(), callerOfFingerprint.get(fingerprint),
                            "the event of " + e.getKey() + " was read with another caller's token");
                }
            }
            assertTrue(log.stream().allMatch(r -> r.authorization() == null
                            || callerOfFingerprint.containsKey(TokenFingerprint.full(bearer(r)))),
                    "Hook0 saw only the callers' own tokens");
        } finally {
            replicas.forEach(HttpTransportServer::close);
        }
    }

    @Test
    void theSameSetupWithSessionsFailsWithoutStickiness() throws Exception {
        List<HttpTransportServer> replicas = startReplicas(3, false);
        try (Haproxy balancer = Haproxy.start(replicas.stream().map(HttpTransportServer::port).toList(), workDir())) {
            int failed = 0;
            int calls = 3;
            McpSyncClient client = null;
            for (int i = 0; i < calls; i++) {
                try {
                    if (client == null) {
                        client = client(balancer.url(), tokens.get("root"));
                    }
                    client.listTools();
                } catch (RuntimeException e) {
                    // the next request of the session landed on a replica that never saw its Mcp-Session-Id
                    failed++;
                    if (client != null) {
                        client.close();
                    }
                    client = null;
                }
            }
            if (client != null) {
                client.close();
            }
            System.out.printf("StatelessBalancerIT: session mode behind round-robin: %d of %d tool lists failed%n",
                    failed, calls);
            assertTrue(failed > 0, "a session's requests spread over replicas that do not know it");
        } finally {
            replicas.forEach(HttpTransportServer::close);
        }
    }

    /**
     * Calls [from, to) of each client, in parallel: every 5th a tools/list, the others a get_event of its own.
     * {@code stopMidway} is counted down a quarter of the way, so most calls of the run go on while the balancer
     * notices the stopped replica.
     */
    private Run run(Map<String, McpSyncClient> clients, Map<String, List<String>> ownTools, int from, int to,
            CountDownLatch stopMidway) throws Exception {
        Run run = new Run();
        AtomicInteger done = new AtomicInteger();
        int quarter = clients.size() * (to - from) / 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<String, McpSyncClient> c : clients.entrySet()) {
                String caller = c.getKey();
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        run.attempted.incrementAndGet();
                        try {
                            if (i % 5 == 0) {
                                assertEquals(ownTools.get(caller), names(c.getValue().listTools()), caller);
                            } else {
                                Map<String, Object> args = new HashMap<>(Map.of("event_id", eventOf.get(caller)));
                                if (!caller.equals("one-application")) {
                                    args.put("application_id", app); // the one-application token defaults to its own
                                }
                                McpSchema.CallToolResult r = c.getValue().callTool(
                                        new McpSchema.CallToolRequest("get_event", args));
                                assertFalse(Boolean.TRUE.equals(r.isError()), caller + ": " + r.content());
                                JsonNode event = JSON.valueToTree(r.structuredContent());
                                assertEquals(eventOf.get(caller), event.path("event_id").asText(), caller);
                                run.eventReads.merge(caller, 1, Integer::sum);
                            }
                        } catch (RuntimeException e) {
                            run.failures.add(caller + " #" + i + ": " + e.getClass().getSimpleName() + " "
                                    + e.getMessage());
                        }
                        if (done.incrementAndGet() == quarter && stopMidway != null) {
                            stopMidway.countDown();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return run;
    }

    private static final class Run {
        final AtomicInteger attempted = new AtomicInteger();
        final Map<String, Integer> eventReads = new ConcurrentHashMap<>();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        int eventReads(String caller) {
            return eventReads.getOrDefault(caller, 0);
        }
    }

    /** Replicas in this JVM, started in parallel, each with its own Hook0 client, caches and metrics. */
    private List<HttpTransportServer> startReplicas(int n, boolean stateless) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpTransportServer>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                started.add(pool.submit(() -> {
                    Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "MCP_TRANSPORT", "http",
                            "MCP_PORT", "0", "MCP_STATELESS", Boolean.toString(stateless), "MCP_METRICS", "true",
                            // as in a container: no probe cache shared between replicas (each probes its callers)
                            "HOOK0_PROBE_CACHE_TTL_SECONDS", "0",
                            // the sandbox has no rate limit (as every test server here); probes are still counted
                            "HOOK0_UNPACED_PROBES", "true"))
                            .parse(new String[0]);
                    ServerCore core = new ServerCore(config);
                    return HttpTransportServer.start(config, core.sessions(),
                            ServerMetrics.of(core.executor(), core.client(), core.inspector()));
                }));
            }
            List<HttpTransportServer> replicas = new ArrayList<>();
            for (Future<HttpTransportServer> f : started) {
                replicas.add(f.get(60, TimeUnit.SECONDS));
            }
            return replicas;
        } finally {
            pool.shutdown();
        }
    }

    private McpSyncClient client(String baseUrl, String token) {
        var transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .jsonMapper(new JacksonMcpJsonMapper(JSON)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    /**
     * Each caller's tools/list straight from each replica: the same list on every replica, which is that caller's
     * own. The first round, all at once, has each replica probe each token; on a loaded machine some probes
     * outlast the handshake and finish in the background, so the lists are read once probing has settled.
     */
    private Map<String, List<String>> toolListsOnEveryReplica(List<HttpTransportServer> replicas) throws Exception {
        everyCallerOnEveryReplica(replicas);
        awaitProbesSettled(replicas);
        Map<String, List<String>> own = new HashMap<>();
        for (Map.Entry<String, List<List<String>>> e : everyCallerOnEveryReplica(replicas).entrySet()) {
            assertEquals(1, Set.copyOf(e.getValue()).size(), e.getKey() + ": the same tools on every replica");
            own.put(e.getKey(), e.getValue().get(0));
        }
        return own;
    }

    /** Until no replica has sent a probe for {@link #PROBES_QUIET} (every replica read each round; 10 s at most). */
    private void awaitProbesSettled(List<HttpTransportServer> replicas) throws Exception {
        List<Double> before = List.of();
        long quietSince = System.nanoTime();
        long until = quietSince + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            List<Double> now = new ArrayList<>();
            for (HttpTransportServer r : replicas) {
                now.add(metric(r, PROBES));
            }
            if (!now.equals(before)) {
                before = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= PROBES_QUIET.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private Map<String, List<List<String>>> everyCallerOnEveryReplica(List<HttpTransportServer> replicas)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size() * tokens.size());
        try {
            Map<String, List<Future<List<String>>>> lists = new HashMap<>();
            for (String caller : tokens.keySet()) {
                for (HttpTransportServer r : replicas) {
                    lists.computeIfAbsent(caller, c -> new ArrayList<>()).add(pool.submit(() -> {
                        McpSyncClient direct = client("http://127.0.0.1:" + r.port(), tokens.get(caller));
                        try {
                            return names(direct.listTools());
                        } finally {
                            direct.closeGracefully();
                        }
                    }));
                }
            }
            Map<String, List<List<String>>> out = new HashMap<>();
            for (Map.Entry<String, List<Future<List<String>>>> e : lists.entrySet()) {
                for (Future<List<String>> f : e.getValue()) {
                    out.computeIfAbsent(e.getKey(), c -> new ArrayList<>()).add(f.get(60, TimeUnit.SECONDS));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private double metric(HttpTransportServer replica, Pattern metric) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + replica.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        double sum = 0;
        Matcher m = metric.matcher(r.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    /** The ids of the first {@code n} events of the application, read from the sandbox directly. */
    private List<String> eventIds(int n) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/api/v1/events?application_id=" + app))
                .header("Authorization", "Bearer " + sandbox.rootToken()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode events = JSON.readTree(r.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode e : events) {
            if (ids.size() < n) {
                ids.add(e.path("event_id").asText());
            }
        }
        assertEquals(n, ids.size(), r.body());
        assertNotEquals(ids.get(0), ids.get(1));
        return ids;
    }

    private static List<String> names(McpSchema.ListToolsResult result) {
        return result.tools().stream().map(McpSchema.Tool::name).sorted().toList();
    }

    private static String bearer(RecordedRequest r) {
        String a = r.authorization();
        return a != null && a.startsWith("Bearer ") ? a.substring(7) : a;
    }

    private static Path workDir() {
        return Path.of("target", "haproxy");
    }
}
