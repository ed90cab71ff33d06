package dev.hook0mcp.server.metrics;

import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.hook0.Hook0Client;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Prometheus metrics of one server ({@code --metrics}): tool calls per tool and outcome, the latency of every
 * request sent to Hook0, probes sent, and the sizes the HTTP transport registers (cached tokens, sessions). Its
 * own registry (never Micrometer's global one), so servers in one process do not mix. Labels never carry a token
 * or an argument value: only tool names from the catalogue, HTTP methods and status classes.
 */
public final class ServerMetrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private ServerMetrics() {}

    /** From now on the executor, the Hook0 client and the inspector report here. */
    public static ServerMetrics of(ToolExecutor executor, Hook0Client client, AccessInspector inspector) {
        ServerMetrics metrics = new ServerMetrics();
        executor.observe((tool, outcome) -> Counter.builder("hook0.mcp.tool.calls")
                .description("MCP tool calls (resource reads included) by tool and outcome")
                .tag("tool", tool)
                .tag("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT))
                .register(metrics.registry)
                .increment());
        client.observe((method, status, nanos) -> Timer.builder("hook0.mcp.hook0.requests")
                .description("Requests sent to Hook0 (each retry is one), by method and status class")
                .tag("method", method)
                .tag("status", status == 0 ? "none" : (status / 100) + "xx")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(metrics.registry)
                .record(Duration.ofNanos(nanos)));
        FunctionCounter.builder("hook0.mcp.probes.sent", inspector, AccessInspector::probesSent)
                .description("Probes sent to Hook0 to learn what tokens may do")
                .register(metrics.registry);
        return metrics;
    }

    /** A size to report, read at each scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
