package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.access.LiveAccess;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import reactor.core.scheduler.Scheduler;

/**
 * Everything one token gets over HTTP: its access decision, an SDK server offering exactly its tools (with
 * sessions, or stateless), and the SDK transport servlet serving it. Recomputable from the token alone, so any
 * replica can serve it.
 *
 * @param closeServer closes the SDK server gracefully (its sessions, if any)
 */
record CallerEndpoint(LiveAccess access, Runnable closeServer, HttpServlet transport, List<Scheduler> schedulers) {

    void close() {
        try {
            closeServer.run();
        } catch (RuntimeException ignored) {
            // closing is best effort; the sessions die with the process anyway
        }
        schedulers.forEach(Scheduler::dispose);
    }
}
