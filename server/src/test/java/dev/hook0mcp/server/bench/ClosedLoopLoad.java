package dev.hook0mcp.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * N workers, each calling as fast as its previous call comes back (a closed loop, as N busy clients do), first
 * for a warm-up that is not counted, then for a measured window: throughput, latency percentiles and the CPU a
 * process spent during the window.
 */
final class ClosedLoopLoad {

    /** One call; true when it succeeded. */
    interface Call {
        boolean call() throws Exception;
    }

    record Result(long calls, long failures, double seconds, double callsPerSecond, double p50Ms, double p99Ms,
                  long cpuMillis, double warmupSeconds, boolean warmedUp) {
        double cpuMsPerCall() {
            return calls == 0 ? Double.NaN : (double) cpuMillis / calls;
        }
    }

    private static final int MAX_SAMPLES_PER_WORKER = 200_000;
    private static final int PHASE_WARMUP = 0;
    private static final int PHASE_MEASURE = 1;
    private static final int PHASE_STOP = 2;

    private ClosedLoopLoad() {
    }

    /** Runs {@code workers} for {@code warmupMs} then {@code measureMs}; {@code cpuMillis} is read at both window ends. */
    static Result run(List<Call> workers, long warmupMs, long measureMs, LongSupplier cpuMillis) throws InterruptedException {
        return run(workers, warmupMs, warmupMs, () -> true, measureMs, cpuMillis);
    }

    /**
     * Runs {@code workers}, warming up for at least {@code minWarmupMs} and then until {@code warm} says so (asked
     * once a second) or {@code maxWarmupMs} have passed, then for {@code measureMs}.
     */
    static Result run(List<Call> workers, long minWarmupMs, long maxWarmupMs, BooleanSupplier warm, long measureMs,
            LongSupplier cpuMillis) throws InterruptedException {
        AtomicInteger phase = new AtomicInteger(PHASE_WARMUP);
        int n = workers.size();
        double[][] latencies = new double[n][MAX_SAMPLES_PER_WORKER];
        int[] samples = new int[n];
        long[] calls = new long[n];
        long[] failures = new long[n];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int me = w;
            Thread t = new Thread(() -> {
                while (phase.get() != PHASE_STOP) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = workers.get(me).call();
                    } catch (Exception e) {
                        ok = false;
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (phase.get() == PHASE_MEASURE) {
                        calls[me]++;
                        if (!ok) {
                            failures[me]++;
                        }
                        if (samples[me] < MAX_SAMPLES_PER_WORKER) {
                            latencies[me][samples[me]++] = ms;
                        }
                    }
                }
            }, "load-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long warmupStart = System.nanoTime();
        Thread.sleep(minWarmupMs);
        boolean warmedUp = warm.getAsBoolean();
        while (!warmedUp && System.nanoTime() - warmupStart < maxWarmupMs * 1_000_000) {
            Thread.sleep(1_000);
            warmedUp = warm.getAsBoolean();
        }
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        long cpu0 = cpuMillis.getAsLong();
        long t0 = System.nanoTime();
        phase.set(PHASE_MEASURE);
        Thread.sleep(measureMs);
        phase.set(PHASE_STOP);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = cpuMillis.getAsLong() - cpu0;
        for (Thread t : threads) {
            t.join(30_000);
        }
        int total = 0;
        for (int s : samples) {
            total += s;
        }
        double[] all = new double[total];
        int at = 0;
        for (int w = 0; w < n; w++) {
            System.arraycopy(latencies[w], 0, all, at, samples[w]);
            at += samples[w];
        }
        long callCount = 0;
        long failureCount = 0;
        for (int w = 0; w < n; w++) {
            callCount += calls[w];
            failureCount += failures[w];
        }
        return new Result(callCount, failureCount, seconds, callCount / seconds,
                Stats.percentile(all, total, 50), Stats.percentile(all, total, 99), cpu, warmupSeconds, warmedUp);
    }
}
