package dev.hook0mcp.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once a clock has passed an instant (a watched token's expiry). While an alarm is set, one timer thread
 * reads the clock every {@link #SWEEP} instead of sleeping the whole delay: a timer's delay runs on the monotonic
 * clock, which stands still while a laptop sleeps, so an expiry that passed overnight would be noticed hours late;
 * reading the clock notices it within a sweep. A test that moves its clock past an expiry sees the alarm go off
 * likewise, without waiting for the expiry.
 */
final class ExpiryAlarms {

    /** How often the clock is read while an alarm is set. */
    static final Duration SWEEP = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(ExpiryAlarms.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hook0-expiry-alarms");
        t.setDaemon(true);
        return t;
    });

    private final Clock clock;
    private final PriorityQueue<Alarm> pending = new PriorityQueue<>(Comparator.comparing(Alarm::at));
    private ScheduledFuture<?> sweeping;

    ExpiryAlarms(Clock clock) {
        this.clock = clock;
    }

    /** One task waiting for its instant. */
    final class Alarm {
        private final Instant at;
        private final Runnable task;

        private Alarm(Instant at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        Instant at() {
            return at;
        }

        /** The task will not run (if it has not yet). */
        void cancel() {
            synchronized (ExpiryAlarms.this) {
                pending.remove(this);
                stopWhenIdle();
            }
        }
    }

    /** Runs {@code task} on the timer thread once the clock reads {@code at} or later. */
    synchronized Alarm at(Instant at, Runnable task) {
        Alarm alarm = new Alarm(at, task);
        pending.add(alarm);
        if (sweeping == null) {
            sweeping = TIMER.scheduleWithFixedDelay(this::sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
        return alarm;
    }

    /** Alarms set and not yet gone off. */
    synchronized int pending() {
        return pending.size();
    }

    private void sweep() {
        List<Alarm> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            while (!pending.isEmpty() && !pending.peek().at.isAfter(now)) {
                due.add(pending.poll());
            }
            stopWhenIdle();
        }
        for (Alarm alarm : due) {
            try {
                alarm.task.run();
            } catch (RuntimeException e) {
                log.warn("an expiry alarm failed: {}", e.toString()); // the other alarms and later sweeps go on
            }
        }
    }

    private void stopWhenIdle() {
        if (pending.isEmpty() && sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
        }
    }
}
