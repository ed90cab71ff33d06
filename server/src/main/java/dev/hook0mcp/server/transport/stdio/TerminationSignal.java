package dev.hook0mcp.server.transport.stdio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM as a request to stop, not an exit: the JVM's default would run shutdown hooks and exit 143 at once,
 * dropping answers still in flight. With this handler the server finishes them and exits 0.
 */
final class TerminationSignal {

    private static final Logger log = LoggerFactory.getLogger(TerminationSignal.class);

    private TerminationSignal() {}

    /** Runs {@code stop} on SIGTERM; false when this platform or JVM does not let us handle it. */
    static boolean onTerm(Runnable stop) {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                log.info("SIGTERM: finishing the calls in flight, then stopping");
                stop.run();
            });
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.debug("SIGTERM cannot be handled here ({}); the JVM default applies", e.toString());
            return false;
        }
    }
}
