package dev.hook0mcp.server.bench;

import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures every figure of the performance goals (issue #13) for the built jar, each next to a baseline
 * measured in the same run, and prints one table: figure | measured | baseline | ratio | goal | met?.
 * Baselines: a minimal Node MCP server on the official TypeScript SDK with 27 trivial tools (start-up, RSS),
 * the same Hook0 request sent directly (per-call), and a load driver hitting the cached Hook0 stub directly
 * (HTTP throughput). Hook0 is the in-process sandbox (or the caching stub in front of it for HTTP throughput).
 * Not a test: timings on a shared machine are for people to read, never to assert.
 *
 * <p>Run {@code scripts/bench.sh} (builds the jar, installs the Node baseline with npm ci, runs this from the
 * repository root). Knobs (system properties): {@code hook0mcp.bench.starts} (starts per kind, default 5),
 * {@code hook0mcp.bench.http.seconds} (measured HTTP window, default 10), {@code hook0mcp.bench.http.warmup.seconds}
 * (the most HTTP warm-up before it, default 90), {@code hook0mcp.bench.node.dir},
 * {@code hook0mcp.bench.only=stateless} (only the stateless replicas behind HAProxy).
 */
public final class Benchmark {

    private static final int STARTS = Integer.getInteger("hook0mcp.bench.starts", 5);
    /** {@code -Dhook0mcp.bench.only=stateless}: only the stateless replicas behind HAProxy. */
    private static final String ONLY = System.getProperty("hook0mcp.bench.only", "");
    private static final int WARMUP_CALLS = 20;
    private static final int MEASURED_CALLS = 200;
    private static final int SOAK_CALLS = 10_000;
    /**
     * Requests in flight during the 10,000-call soak. 1 (a client waiting for each answer): with more, the MCP
     * Java SDK 2.1.0 stdio transport sometimes drops an answer (Sinks.EmissionException, "signaled serially").
     */
    private static final int SOAK_WINDOW = Integer.getInteger("hook0mcp.bench.soak.window", 1);
    private static final long RSS_SETTLE_MS = 2_000;
    private static final int HTTP_SESSIONS = 8;
    /**
     * Before an HTTP window: at least the minimum, then until the server's JIT has settled ({@link JitSettled}), at
     * most the maximum: a throughput figure is about a server that has been up for a while. After a fixed 3 s, its
     * compilers still took a tenth of its CPU in the window, and the figure moved with the compile queue.
     */
    private static final long HTTP_MIN_WARMUP_MS = 10_000;
    private static final long HTTP_MAX_WARMUP_MS = 1_000L * Integer.getInteger("hook0mcp.bench.http.warmup.seconds", 90);
    private static final long BASELINE_WARMUP_MS = 1_000;
    private static final long HTTP_MEASURE_MS = 1_000L * Integer.getInteger("hook0mcp.bench.http.seconds", 10);
    private static final long BASELINE_MEASURE_MS = 4_000;
    private static final long LISTEN_WAIT_MS = 60_000;
    /** Which parts to run: comma-separated of startup, calls, http, stateless (default all). */
    private static final List<String> PARTS = List.of(System.getProperty("hook0mcp.bench.parts", "startup,calls,http,stateless").split(","));

    private final Path nodeDir = Path.of(System.getProperty("hook0mcp.bench.node.dir", "server/target/bench-node"));
    private final Path logs = Path.of("server/target/bench-logs");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final FigureTable table = new FigureTable();
    private final LaunchCommand launch;
    private final Sandbox sandbox;
    private final String org;
    private long nodeRssKb; // measured in the start-up part (or before the per-call part without it), shown beside the server's
    private ToolsListFacts nodeTools;

    private Benchmark(LaunchCommand launch, Sandbox sandbox) {
        this.launch = launch;
        this.sandbox = sandbox;
        this.org = sandbox.organizationId().toString();
    }

    public static void main(String[] args) throws Exception {
        LaunchCommand launch = LaunchCommand.fromClientConfig(Path.of(""));
        for (String arg : launch.command()) {
            if (arg.endsWith(".jar") && !Files.isRegularFile(Path.of(arg))) {
                throw new IllegalStateException(arg + " is missing: build first (scripts/bench.sh does)");
            }
        }
        try (Sandbox sandbox = Sandbox.start(0)) {
            new Benchmark(launch, sandbox).run();
        }
    }

    private void run() throws Exception {
        if ("stateless".equals(ONLY)) {
            Files.createDirectories(logs);
            statelessBehindBalancer();
            table.print(System.out);
            return;
        }
        if (!Files.isDirectory(nodeDir.resolve("node_modules"))) {
            throw new IllegalStateException(nodeDir + "/node_modules is missing: scripts/bench.sh installs it with npm ci");
        }
        Files.createDirectories(logs);
        String load0 = loadAverage();
        if (PARTS.contains("startup")) {
            System.err.println("bench: start-up (" + STARTS + " rounds) ...");
            startUp();
        }
        if (PARTS.contains("calls")) {
            System.err.println("bench: per call over stdio and RSS ...");
            perCallAndMemory();
        }
        if (PARTS.contains("http")) {
            System.err.println("bench: Streamable HTTP, " + HTTP_SESSIONS + " sessions ...");
            streamableHttp();
        }
        if (PARTS.contains("stateless")) {
            System.err.println("bench: stateless replicas behind HAProxy ...");
            statelessBehindBalancer();
        }
        System.out.println("hook0-mcp benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + load0 + " → " + loadAverage());
        System.out.println("launch command (from " + LaunchCommand.CONFIG_FILE + "): " + launch);
        System.out.println("HTTP rows (README, Over HTTP): " + launch.httpServer() + " --transport http");
        System.out.println("Node baseline: " + nodeDir.resolve("server.mjs") + " (" + nodeVersion() + ")");
        System.out.println();
        table.print(System.out);
        System.out.println();
        System.out.println(table.unmet() + " figure(s) miss their goal. Server stderr logs: " + logs);
    }

    // ---- start-up ------------------------------------------------------------------------------------------

    private String callParams() {
        return "{\"name\":\"list_applications\",\"arguments\":{\"organization_id\":\"" + org + "\"}}";
    }

    private DirectCall directCall(String baseUrl, String token) {
        return new DirectCall(http, baseUrl + "/api/v1/applications?organization_id=" + org, token);
    }

    private void startUp() throws Exception {
        List<Double> node = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        List<Double> readOnly = new ArrayList<>();
        List<Double> aot = new ArrayList<>();
        LaunchCommand aotLaunch = aotLaunch();
        List<Double> firstCallAbove = new ArrayList<>();
        List<Double> firstCall = new ArrayList<>();
        DirectCall direct = directCall(sandbox.baseUrl(), sandbox.rootToken());
        for (int i = 0; i < WARMUP_CALLS; i++) {
            direct.timedMs();
        }
        for (int round = 0; round < STARTS; round++) {
            // a fresh token per cold start, so a future probe-result cache cannot turn it into a warm start
            String root = sandbox.tokens().mintRoot();
            String ro = sandbox.tokens().attenuate(sandbox.tokens().mintRoot(),
                    Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
            try (StdioMcp s = new StdioMcp(new ProcessBuilder("node", "server.mjs").directory(nodeDir.toFile()),
                    logs.resolve("node.log").toFile())) {
                String list = s.handshakeAndListTools();
                node.add(s.sinceSpawnMs());
                if (round == STARTS - 1) {
                    keepNodeFacts(s, list);
                }
            }
            try (StdioMcp s = stdio(root, "stdio-cold.log")) {
                s.handshakeAndListTools();
                cold.add(s.sinceSpawnMs());
                long t0 = System.nanoTime();
                s.request("tools/call", callParams());
                double first = (System.nanoTime() - t0) / 1e6;
                firstCall.add(first);
                firstCallAbove.add(first - direct.timedMs());
            }
            try (StdioMcp s = stdio(root, "stdio-second.log")) {
                s.handshakeAndListTools();
                second.add(s.sinceSpawnMs());
            }
            try (StdioMcp s = stdio(ro, "stdio-read-only.log")) {
                s.handshakeAndListTools();
                readOnly.add(s.sinceSpawnMs());
            }
            if (aotLaunch != null) {
                try (StdioMcp s = new StdioMcp(aotLaunch.builder(sandbox.baseUrl(), sandbox.tokens().mintRoot(), List.of()),
                        logs.resolve("stdio-aot.log").toFile())) {
                    s.handshakeAndListTools();
                    aot.add(s.sinceSpawnMs());
                }
            }
            System.err.printf("bench:   round %d: node %.0f ms, root %.0f ms, second %.0f ms, read-only %.0f ms%s%n",
                    round + 1, node.get(round), cold.get(round), second.get(round), readOnly.get(round),
                    aot.isEmpty() ? "" : String.format(", Java 25 AOT %.0f ms", aot.get(round)));
        }
        double nodeMs = Stats.median(node);
        startRow("cold start → tools/list, root token (median of " + STARTS + ")", cold, nodeMs, 1.5);
        startRow("cold start → tools/list, read-only token", readOnly, nodeMs, 2.0);
        startRow("second start, same token", second, nodeMs, 1.2);
        if (!aot.isEmpty()) {
            startRow("(extra) cold start, root token, Java 25 AOT cache instead of the archive", aot, nodeMs, 1.5);
        }
        double above = Stats.median(firstCallAbove);
        table.add("first tools/call after start, above a direct call", FigureTable.ms(above),
                "direct " + FigureTable.ms(Stats.median(firstCall) - above), "—", "≤ 30 ms", above <= 30);
    }

    /** The Node baseline's tools/list and idle RSS, for runs without the start-up part. */
    private void nodeFacts() throws Exception {
        try (StdioMcp s = new StdioMcp(new ProcessBuilder("node", "server.mjs").directory(nodeDir.toFile()),
                logs.resolve("node.log").toFile())) {
            keepNodeFacts(s, s.handshakeAndListTools());
        }
    }

    /** Keeps the Node baseline's tools/list answer and its RSS once settled, shown beside the server's. */
    private void keepNodeFacts(StdioMcp node, String toolsList) throws Exception {
        nodeTools = ToolsListFacts.of(toolsList);
        Thread.sleep(RSS_SETTLE_MS);
        nodeRssKb = ProcStats.rssKb(node.handle());
    }

    private void startRow(String figure, List<Double> samples, double nodeMs, double goalRatio) {
        double ms = Stats.median(samples);
        double ratio = ms / nodeMs;
        table.add(figure, FigureTable.ms(ms), "Node SDK " + FigureTable.ms(nodeMs), FigureTable.times(ratio),
                "≤ " + goalRatio + "× Node", ratio <= goalRatio);
    }

    /**
     * The launch command with Java 24+ and its AOT cache in place of the class-data archive, when scripts/bench.sh
     * found such a Java (hook0mcp.bench.aot.java) and made the cache (hook0mcp.bench.aot.cache); else null.
     */
    private LaunchCommand aotLaunch() {
        String java = System.getProperty("hook0mcp.bench.aot.java");
        String cache = System.getProperty("hook0mcp.bench.aot.cache");
        if (java == null || cache == null) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String arg : launch.command().subList(1, launch.command().size())) {
            if (arg.startsWith("-XX:SharedArchiveFile=")) {
                command.add("-XX:AOTCache=" + cache);
            } else if (!arg.equals("-Xshare:auto")) {
                command.add(arg);
            }
        }
        return new LaunchCommand(List.copyOf(command), launch.env());
    }

    private StdioMcp stdio(String token, String log) throws IOException {
        return new StdioMcp(launch.builder(sandbox.baseUrl(), token, List.of()), logs.resolve(log).toFile());
    }

    // ---- per call over stdio, memory, tools/list -----------------------------------------------------------

    /** One measured stretch of calls: each stdio call followed by the same request sent directly. */
    private record CallWindow(double overheadMs, double directMs, double mcpMs, double cpuPerCallMs) {}

    /**
     * {@code warmup} calls that are not counted, then {@code measured} calls, each followed by the direct call; the
     * server does nothing between calls, so its CPU over the measured calls is its CPU for these calls.
     */
    private CallWindow callWindow(StdioMcp s, DirectCall direct, int warmup, int measured) throws Exception {
        List<Double> above = new ArrayList<>();
        List<Double> mcp = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        long cpu0 = 0;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                cpu0 = ProcStats.cpuMillis(s.handle());
            }
            long t0 = System.nanoTime();
            String answer = s.request("tools/call", callParams());
            double call = (System.nanoTime() - t0) / 1e6;
            if (answer.contains("\"isError\":true")) {
                throw new IllegalStateException("list_applications failed: " + answer);
            }
            double d = direct.timedMs();
            if (i >= warmup) {
                mcp.add(call);
                plain.add(d);
                above.add(call - d);
            }
        }
        double cpuPerCall = (double) (ProcStats.cpuMillis(s.handle()) - cpu0) / measured;
        return new CallWindow(Stats.median(above), Stats.median(plain), Stats.median(mcp), cpuPerCall);
    }

    private void perCallAndMemory() throws Exception {
        if (nodeTools == null) { // the start-up part did not run: its Node figures are needed beside these
            nodeFacts();
        }
        DirectCall direct = directCall(sandbox.baseUrl(), sandbox.rootToken());
        try (StdioMcp s = stdio(sandbox.rootToken(), "stdio-calls.log")) {
            ToolsListFacts tools = ToolsListFacts.of(s.handshakeAndListTools());
            Thread.sleep(RSS_SETTLE_MS);
            long idleKb = ProcStats.rssKb(s.handle());
            CallWindow fresh = callWindow(s, direct, WARMUP_CALLS, MEASURED_CALLS);
            int done = WARMUP_CALLS + MEASURED_CALLS;
            int failures = s.requestMany("tools/call", callParams(), SOAK_CALLS - done - MEASURED_CALLS, SOAK_WINDOW);
            // the same window again at the end of the soak: the process's steady state, once the JIT is done
            CallWindow warm = callWindow(s, direct, 0, MEASURED_CALLS);
            Thread.sleep(RSS_SETTLE_MS);
            long soakedKb = ProcStats.rssKb(s.handle());

            table.add("per-call overhead over a direct call, stdio (median of " + MEASURED_CALLS + ")",
                    FigureTable.ms(fresh.overheadMs()), "direct " + FigureTable.ms(fresh.directMs()),
                    FigureTable.times(fresh.mcpMs() / fresh.directMs()) + " of direct", "≤ 0.5 ms",
                    fresh.overheadMs() <= 0.5);
            table.add("server CPU per call, stdio", FigureTable.ms(fresh.cpuPerCallMs()), "—", "—", "≤ 1 ms",
                    fresh.cpuPerCallMs() <= 1);
            int warmFrom = SOAK_CALLS - MEASURED_CALLS + 1;
            table.add("(extra) per-call overhead, stdio, warm (calls " + warmFrom + "–" + SOAK_CALLS + ")",
                    FigureTable.ms(warm.overheadMs()), "direct " + FigureTable.ms(warm.directMs()),
                    FigureTable.times(warm.mcpMs() / warm.directMs()) + " of direct", "report", null);
            table.add("(extra) server CPU per call, stdio, warm (calls " + warmFrom + "–" + SOAK_CALLS + ")",
                    FigureTable.ms(warm.cpuPerCallMs()), "—", "—", "report", null);
            table.add("idle RSS after tools/list", FigureTable.mb(idleKb), "Node SDK " + FigureTable.mb(nodeRssKb),
                    FigureTable.times((double) idleKb / nodeRssKb), "≤ 80 MB", idleKb <= 80 * 1024);
            double drift = 100.0 * (soakedKb - idleKb) / idleKb;
            table.add("RSS after " + SOAK_CALLS + " calls" + (failures > 0 ? " (" + failures + " failed!)" : ""),
                    FigureTable.mb(soakedKb) + String.format(" (%+.1f %%)", drift), "idle " + FigureTable.mb(idleKb),
                    FigureTable.times((double) soakedKb / idleKb), "within ±10 %", Math.abs(drift) <= 10 && failures == 0);
            table.add("tools/list answer, root token (" + tools.tools() + " tools)", tools.bytes() + " bytes",
                    "Node SDK " + nodeTools.bytes() + " bytes (" + nodeTools.tools() + " trivial tools)",
                    FigureTable.times((double) tools.bytes() / nodeTools.bytes()), "≤ 32 KiB (32768)",
                    tools.bytes() <= 32_768);
            table.add("input properties without a description", tools.undescribed() + " of " + tools.properties(),
                    "—", "—", "0", tools.undescribed() == 0);
        }
    }

    // ---- Streamable HTTP throughput --------------------------------------------------------------------------

    private void streamableHttp() throws Exception {
        try (CachingHook0Stub stub = new CachingHook0Stub(sandbox.baseUrl())) {
            int port = freePort();
            ProcessBuilder builder = launch.httpServer().builder(stub.baseUrl(), null, List.of("--transport", "http", "--port",
                    Integer.toString(port)));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("http.log").toFile()));
            Process server = builder.start();
            try {
                awaitListening(port, server);
                String mcpUrl = "http://127.0.0.1:" + port + "/mcp";
                List<ClosedLoopLoad.Call> mcpCalls = new ArrayList<>();
                List<ClosedLoopLoad.Call> directCalls = new ArrayList<>();
                for (int i = 0; i < HTTP_SESSIONS; i++) {
                    String token = sandbox.tokens().mintRoot(); // one caller per session, as in a shared deployment
                    StreamableHttpSession session = new StreamableHttpSession(mcpUrl, token);
                    session.open();
                    String params = callParams();
                    mcpCalls.add(() -> session.call("tools/call", params));
                    KeptAliveConnection direct = new KeptAliveConnection(URI.create(stub.baseUrl()));
                    Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
                    String path = "/api/v1/applications?organization_id=" + org;
                    directCalls.add(() -> direct.send("GET", path, auth, null).status() == 200);
                }
                ClosedLoopLoad.Result baseline = ClosedLoopLoad.run(directCalls, BASELINE_WARMUP_MS, BASELINE_MEASURE_MS, () -> 0);
                ClosedLoopLoad.Result r = ClosedLoopLoad.run(mcpCalls, HTTP_MIN_WARMUP_MS, HTTP_MAX_WARMUP_MS,
                        new JitSettled(List.of(server.toHandle())), HTTP_MEASURE_MS,
                        () -> ProcStats.cpuMillis(server.toHandle()));
                String failed = r.failures() > 0 ? " (" + r.failures() + " failed!)" : "";
                table.add("Streamable HTTP, " + HTTP_SESSIONS + " sessions, cached API: calls/s"
                                + String.format(" (after %.0f s of warm-up, %s)", r.warmupSeconds(),
                                        r.warmedUp() ? "JIT settled" : "JIT still compiling") + failed,
                        String.format("%.0f/s", r.callsPerSecond()),
                        String.format("direct to cache %.0f/s", baseline.callsPerSecond()),
                        FigureTable.times(r.callsPerSecond() / baseline.callsPerSecond()), "≥ 2500/s",
                        r.callsPerSecond() >= 2500 && r.failures() == 0);
                table.add("Streamable HTTP p99 latency", FigureTable.ms(r.p99Ms()) + " (p50 " + FigureTable.ms(r.p50Ms()) + ")",
                        "direct to cache " + FigureTable.ms(baseline.p99Ms()),
                        FigureTable.times(r.p99Ms() / baseline.p99Ms()), "< 20 ms", r.p99Ms() < 20);
                table.add("Streamable HTTP server CPU per call", FigureTable.ms(r.cpuMsPerCall()), "—", "—", "≤ 0.5 ms",
                        r.cpuMsPerCall() <= 0.5);
            } finally {
                server.destroy(); // SIGTERM: the server closes its sessions and stops
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    // ---- stateless replicas behind HAProxy (issue #14) ---------------------------------------------------------

    /**
     * 1 and then 3 replicas ({@code --stateless}, per-caller tokens) behind HAProxy running deploy/haproxy.cfg, the
     * same closed-loop load as above (8 callers, each its own token, no session): calls/s, the replicas' CPU per
     * call in all, each replica's CPU per call of the calls it served (its /metrics), and HAProxy's CPU per call.
     * On 2 cores the total cannot triple; the per-replica figure is what N replicas on N machines would each cost.
     */
    private void statelessBehindBalancer() throws Exception {
        if (!dev.hook0mcp.server.transport.http.Haproxy.installed()) {
            table.add("stateless replicas behind HAProxy", "skipped: haproxy is not installed", "—", "—", "—", null);
            return;
        }
        try (CachingHook0Stub stub = new CachingHook0Stub(sandbox.baseUrl())) {
            Double oneReplica = null;
            for (int n : List.of(1, 3)) {
                try (StatelessReplicas replicas = new StatelessReplicas(launch.httpServer(), stub.baseUrl(), n,
                        logs.resolve("stateless-" + n + ".log"), http);
                        var balancer = dev.hook0mcp.server.transport.http.Haproxy.start(replicas.ports(),
                                Path.of("server", "target", "bench-haproxy"))) {
                    String mcpUrl = balancer.url() + "/mcp";
                    List<ClosedLoopLoad.Call> calls = new ArrayList<>();
                    for (int i = 0; i < HTTP_SESSIONS; i++) {
                        StreamableHttpSession caller = new StreamableHttpSession(mcpUrl, sandbox.tokens().mintRoot());
                        caller.open(); // stateless: no session id comes back, every request stands alone
                        String params = callParams();
                        calls.add(() -> caller.call("tools/call", params));
                    }
                    List<StatelessReplicas.Snapshot> ends = new ArrayList<>();
                    long[] haproxyCpu = new long[2];
                    ClosedLoopLoad.Result r = ClosedLoopLoad.run(calls, HTTP_MIN_WARMUP_MS, HTTP_MAX_WARMUP_MS,
                            new JitSettled(replicas.handles()), HTTP_MEASURE_MS, () -> {
                        StatelessReplicas.Snapshot snap = replicas.snapshot();
                        haproxyCpu[ends.size()] = ProcStats.cpuMillis(balancer.process());
                        ends.add(snap);
                        long sum = 0;
                        for (long c : snap.cpuMillis()) {
                            sum += c;
                        }
                        return sum;
                    });
                    StringBuilder perReplica = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        long cpu = ends.get(1).cpuMillis()[i] - ends.get(0).cpuMillis()[i];
                        double served = ends.get(1).calls()[i] - ends.get(0).calls()[i];
                        perReplica.append(i == 0 ? "" : ", ").append(String.format("%.3f ms (%.0f calls)",
                                served == 0 ? Double.NaN : cpu / served, served));
                    }
                    String failed = r.failures() > 0 ? " (" + r.failures() + " failed!)" : "";
                    String label = "stateless, " + n + " replica" + (n == 1 ? "" : "s") + " behind HAProxy";
                    table.add(label + ": calls/s" + failed, String.format("%.0f/s", r.callsPerSecond()),
                            oneReplica == null ? "—" : String.format("1 replica %.0f/s", oneReplica),
                            oneReplica == null ? "—" : FigureTable.times(r.callsPerSecond() / oneReplica),
                            "report", r.failures() == 0);
                    table.add(label + ": server CPU per call, all replicas", FigureTable.ms(r.cpuMsPerCall()),
                            "—", "—", "report", null);
                    table.add(label + ": CPU per call of each replica", perReplica.toString(), "—", "—", "report", null);
                    table.add(label + ": HAProxy CPU per call",
                            FigureTable.ms(r.calls() == 0 ? Double.NaN : (double) (haproxyCpu[1] - haproxyCpu[0]) / r.calls()),
                            "—", "—", "report", null);
                    if (oneReplica == null) {
                        oneReplica = r.callsPerSecond();
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + LISTEN_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the HTTP server exited; see " + logs.resolve("http.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the HTTP server did not listen on " + port + "; see " + logs.resolve("http.log"));
    }

    // ---- context ---------------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return "node " + v;
        } catch (IOException e) {
            return "node not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "node ?";
        }
    }
}
