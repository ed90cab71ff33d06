package dev.hook0mcp.server.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of samples. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> samples) {
        return percentile(samples, 50);
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    static double percentile(List<Double> samples, double p) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        return percentile(sorted, sorted.length, p);
    }

    static double percentile(double[] values, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
