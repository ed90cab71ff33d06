package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.it.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An alarm goes off when the clock passes its instant, however that happens: by time passing or the clock moving. */
class ExpiryAlarmsTest {

    private final SettableClock clock = new SettableClock();
    private final ExpiryAlarms alarms = new ExpiryAlarms(clock);

    @Test
    void goesOffOnceTheClockPassesItsInstantNotBefore() throws Exception {
        CountDownLatch rang = new CountDownLatch(1);
        CountDownLatch swept = new CountDownLatch(1);
        alarms.at(clock.instant().plus(Duration.ofDays(30)), rang::countDown);
        alarms.at(Instant.EPOCH, swept::countDown);

        assertTrue(swept.await(10, TimeUnit.SECONDS), "a sweep ran");
        assertEquals(1, rang.getCount(), "30 days are not up");
        assertEquals(1, alarms.pending());
        clock.advance(Duration.ofDays(30).plusSeconds(1)); // as a laptop waking after the expiry
        assertTrue(rang.await(10, TimeUnit.SECONDS), "noticed within a sweep of the clock passing it");
        assertEquals(0, alarms.pending());
    }

    @Test
    void anInstantAlreadyPastGoesOffAtTheNextSweep() throws Exception {
        CountDownLatch rang = new CountDownLatch(1);
        alarms.at(Instant.EPOCH, rang::countDown);
        assertTrue(rang.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aCancelledAlarmNeverGoesOffAndTheOthersDo() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch kept = new CountDownLatch(1);
        Instant at = clock.instant().plusSeconds(60);
        ExpiryAlarms.Alarm alarm = alarms.at(at, cancelled::countDown);
        alarms.at(at, () -> {
            throw new IllegalStateException("a failing task does not stop the others");
        });
        alarms.at(at, kept::countDown);
        alarm.cancel();

        clock.advance(Duration.ofMinutes(2));
        assertTrue(kept.await(10, TimeUnit.SECONDS));
        assertEquals(0, alarms.pending(), "the sweep that rang the kept one took every alarm due");
        assertEquals(1, cancelled.getCount(), "the cancelled one did not go off");
    }
}
