package dev.hook0mcp.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's result table: figure | measured | baseline | ratio | goal | met?, printed as Markdown. */
final class FigureTable {

    private static final List<String> HEADER = List.of("figure", "measured", "baseline", "ratio", "goal", "met?");

    private final List<List<String>> rows = new ArrayList<>();

    void add(String figure, String measured, String baseline, String ratio, String goal, Boolean met) {
        rows.add(List.of(figure, measured, baseline, ratio, goal, met == null ? "—" : met ? "yes" : "NO"));
    }

    long unmet() {
        return rows.stream().filter(r -> r.get(5).equals("NO")).count();
    }

    void print(PrintStream out) {
        int[] width = new int[HEADER.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        printRow(out, HEADER, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        out.println(rule);
        rows.forEach(r -> printRow(out, r, width));
    }

    private static void printRow(PrintStream out, List<String> row, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < row.size(); c++) {
            line.append(' ').append(row.get(c)).append(" ".repeat(width[c] - row.get(c).length())).append(" |");
        }
        out.println(line);
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : v >= 100 ? String.format("%.0f ms", v) : String.format("%.2f ms", v);
    }

    static String times(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format("%.2f×", v);
    }

    static String mb(long kb) {
        return String.format("%.1f MB", kb / 1024.0);
    }
}
