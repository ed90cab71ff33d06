package dev.hook0mcp.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory and CPU time of a process and its descendants, read from /proc (Linux only). Descendants
 * count too, so a launch command that goes through a wrapper script is still measured whole.
 */
final class ProcStats {

    /** Kernel clock ticks per second ({@code getconf CLK_TCK}); 100 on every common Linux build. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcStats() {
    }

    /** utime + stime of the process tree, in milliseconds (10 ms resolution at 100 ticks/s). */
    static long cpuMillis(ProcessHandle process) {
        return tree(process).mapToLong(ProcStats::cpuTicks).sum() * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime of the JIT compiler threads of a JVM (named "C1 CompilerThre…", "C2 CompilerThre…"), in ms. */
    static long jitCpuMillis(ProcessHandle jvm) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(jvm.pid()), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] Compiler.*\\R?")) {
                        ticks += ticksOf(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread just ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process just ended
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** VmRSS of the process tree, in KiB. */
    static long rssKb(ProcessHandle process) {
        return tree(process).mapToLong(ProcStats::rssKbOf).sum();
    }

    private static Stream<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    private static long cpuTicks(ProcessHandle p) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0; // the process just ended
        }
    }

    private static long ticksOf(String stat) {
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
    }

    private static long rssKbOf(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
