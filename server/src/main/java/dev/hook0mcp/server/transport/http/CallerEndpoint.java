package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.access.LiveAccess;
import io.modelcontextprotocol.server.McpSyncServer;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import reactor.core.scheduler.Scheduler;

/**
 * Everything one token gets over HTTP: its access decision, an SDK server offering exactly its tools, and the
 * SDK transport servlet holding its sessions. Recomputable from the token alone, so any replica can serve it.
 */
record CallerEndpoint(LiveAccess access, McpSyncServer server, HttpServlet transport, List<Scheduler> schedulers) {

    void close() {
        try {
            server.closeGracefully();
        } catch (RuntimeException ignored) {
            // closing is best effort; the sessions die with the process anyway
        }
        schedulers.forEach(Scheduler::dispose);
    }
}
