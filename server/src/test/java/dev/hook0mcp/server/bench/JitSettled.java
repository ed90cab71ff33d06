package dev.hook0mcp.server.bench;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether some JVMs' JIT has done its work: true once their compiler threads used less than a tenth of a core
 * over the last 2 s or more, so a throughput window measures compiled code, not the compilers. On 2 cores under
 * load, C2 takes about 45 s to get there for the HTTP call path.
 */
final class JitSettled implements BooleanSupplier {

    private static final double QUIET_SHARE_OF_A_CORE = 0.10;
    private static final long SPAN_NANOS = 2_000_000_000L;

    private final List<ProcessHandle> jvms;
    private long lastCpuMillis = -1;
    private long lastAt;

    JitSettled(List<ProcessHandle> jvms) {
        this.jvms = List.copyOf(jvms);
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        long cpu = jvms.stream().mapToLong(ProcStats::jitCpuMillis).sum();
        if (lastCpuMillis < 0) {
            lastCpuMillis = cpu;
            lastAt = now;
            return false;
        }
        if (now - lastAt < SPAN_NANOS) {
            return false;
        }
        boolean quiet = cpu - lastCpuMillis < QUIET_SHARE_OF_A_CORE * jvms.size() * (now - lastAt) / 1e6;
        lastCpuMillis = cpu;
        lastAt = now;
        return quiet;
    }
}
