package dev.hook0mcp.server.access;

import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.hook0.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends probes with bounded concurrency inside the token's {@link ProbeBudgets.Allowance}, and reads each answer
 * as allowed / denied / invalid token / unknown. It does not retry: {@link Hook0Client} is the one place that
 * retries (429, 503), so one probe is never multiplied by two nested retry loops. A probe the budgets refuse is
 * not sent and counts as UNKNOWN.
 */
final class Prober implements AutoCloseable {

    static final int CONCURRENCY = 4;
    static final String NOT_SENT = "not sent: ";

    /** One probe's verdict and, when Hook0 answered, the answer itself. */
    record Result(ProbeOutcome outcome, Hook0Response response) {}

    private final Hook0Client client;
    private final String token;
    private final ProbeBudgets.Allowance allowance;
    private final ExecutorService pool;
    private final java.util.concurrent.atomic.LongAdder sent;

    Prober(Hook0Client client, String token, ProbeBudgets.Allowance allowance) {
        this(client, token, allowance, new java.util.concurrent.atomic.LongAdder());
    }

    /** @param sent counts the probes actually sent (not those a budget refused) */
    Prober(Hook0Client client, String token, ProbeBudgets.Allowance allowance,
            java.util.concurrent.atomic.LongAdder sent) {
        this.sent = sent;
        this.client = client;
        this.token = token;
        this.allowance = allowance;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "hook0-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(CONCURRENCY, threads);
    }

    /** Runs the probes concurrently; the map keeps the order of {@code probes}. */
    Map<String, Result> run(Map<String, Hook0Request> probes) throws InterruptedException {
        Map<String, Future<Result>> futures = new LinkedHashMap<>();
        probes.forEach((action, request) -> futures.put(action, pool.submit(() -> probe(request))));
        Map<String, Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Result>> e : futures.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().get());
            } catch (java.util.concurrent.ExecutionException ex) {
                results.put(e.getKey(), new Result(new ProbeOutcome(Verdict.UNKNOWN,
                        "probe failed: " + ex.getCause().getClass().getSimpleName()), null));
            }
        }
        return results;
    }

    Result probe(Hook0Request request) throws InterruptedException {
        String what = request.describe();
        ProbeBudgets.Refusal refused = allowance.take();
        if (refused != null) {
            return new Result(new ProbeOutcome(Verdict.UNKNOWN, what + " " + NOT_SENT + refused.text), null);
        }
        sent.increment();
        try {
            Hook0Response response = client.send(request, token);
            return new Result(classify(what, response), response);
        } catch (Hook0TransportException e) {
            return new Result(new ProbeOutcome(Verdict.UNKNOWN, what + " → " + e.getMessage()), null);
        }
    }

    static ProbeOutcome classify(String what, Hook0Response response) {
        int status = response.status();
        String id = response.problem().map(Problem::id).orElse(null);
        String evidence = what + " → " + status + (id == null ? "" : " " + id);
        if (response.isSuccess() || status == 404 || status == 422 || status == 409) {
            return new ProbeOutcome(Verdict.ALLOWED, evidence);
        }
        if (status == 401 || (status == 403 && id != null && id.startsWith("Auth"))) {
            return new ProbeOutcome(Verdict.INVALID_TOKEN, evidence);
        }
        if (status == 403) {
            return new ProbeOutcome(Verdict.DENIED, evidence);
        }
        return new ProbeOutcome(Verdict.UNKNOWN, evidence);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
