package dev.hook0mcp.server.transport.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The SDK's Streamable HTTP provider starts a {@code Schedulers.newSingle} session sweeper in its constructor and
 * never disposes that scheduler (closeGracefully only cancels the subscription), leaving one non-daemon thread
 * behind per provider. We build one provider per token, so this records the single-thread schedulers created
 * while a provider is built, and the endpoint disposes them when it closes.
 */
final class OwnedSchedulers {

    private static final ThreadLocal<List<Scheduler>> RECORDING = new ThreadLocal<>();
    private static boolean installed;

    private OwnedSchedulers() {}

    /** Installs the recording factory once; call before the first provider is built. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        // Unlike setFactory, this keeps the schedulers already in use running.
        Schedulers.setFactoryWithSnapshot(new Schedulers.Factory() {
            @Override
            public Scheduler newSingle(ThreadFactory threadFactory) {
                Scheduler scheduler = Schedulers.Factory.super.newSingle(threadFactory);
                List<Scheduler> recording = RECORDING.get();
                if (recording != null) {
                    recording.add(scheduler);
                }
                return scheduler;
            }
        });
        installed = true;
    }

    /** Builds something and returns it with the single-thread schedulers it created. */
    static <T> Owned<T> build(Supplier<T> builder) {
        List<Scheduler> created = new ArrayList<>();
        RECORDING.set(created);
        try {
            return new Owned<>(builder.get(), List.copyOf(created));
        } finally {
            RECORDING.remove();
        }
    }

    record Owned<T>(T value, List<Scheduler> schedulers) {}
}
