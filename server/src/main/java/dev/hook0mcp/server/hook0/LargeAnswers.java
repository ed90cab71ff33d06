package dev.hook0mcp.server.hook0;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hook0 answers of {@link #LARGE_BYTES} or more are turned into results one tool call at a time, in the whole
 * process. Parsed and shaped, an answer takes many times its size of heap: two 8 MiB lists of events at once ran
 * the launch command's 128 MB heap out, and each of those calls then only got an error. One after the other, they
 * all get their results.
 *
 * <p>A tool call takes its turn at its first large answer and keeps it until its result is made, for all its
 * requests (a composite may read several). Answers below the mark, and requests made outside a tool call (the
 * start-up probes), never wait.
 */
public final class LargeAnswers {

    public static final long LARGE_BYTES = 1024 * 1024;

    private static final Semaphore TURN = new Semaphore(1, true);
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private LargeAnswers() {}

    /** Marks the start of a tool call on this thread; closing it gives the turn back if the call took it. */
    public static Call begin() {
        if (CURRENT.get() != null) {
            return Call.NESTED;
        }
        Call call = new Call();
        CURRENT.set(call);
        return call;
    }

    /**
     * Waits, at most {@code waitMillis}, for the turn of this thread's tool call. True when the call has it (or
     * had it already, or there is no call on this thread); false when the wait ran out.
     */
    static boolean awaitTurn(long waitMillis) throws InterruptedException {
        Call call = CURRENT.get();
        if (call == null || call.holding) {
            return true;
        }
        if (!TURN.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        call.holding = true;
        return true;
    }

    /** One tool call's part in the turn-taking; closed on the thread that began it. */
    public static final class Call implements AutoCloseable {

        /** A call made inside another (a resource read through a tool, say): the outer one owns the turn. */
        private static final Call NESTED = new Call();

        private boolean holding;

        private Call() {}

        @Override
        public void close() {
            if (this == NESTED) {
                return;
            }
            CURRENT.remove();
            if (holding) {
                holding = false;
                TURN.release();
            }
        }
    }
}
