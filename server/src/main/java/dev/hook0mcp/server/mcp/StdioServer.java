package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdin/stdout for one caller (the process that launched us). Nothing but MCP messages reaches stdout:
 * {@code System.out} is pointed at stderr while serving, so a stray print cannot corrupt the stream.
 */
public final class StdioServer {

    private static final Logger log = LoggerFactory.getLogger(StdioServer.class);
    private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private StdioServer() {}

    /** Serves until stdin ends. */
    public static void serve(ToolExecutor executor, CallContext context, String instructions, InputStream stdin,
            PrintStream stdout) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        System.setOut(System.err);
        StdioGuard guarded = new StdioGuard(stdin, stdout, MAX_LINE_BYTES, ended::countDown,
                new HiddenToolCalls(context::surface));
        var transport = new StdioServerTransportProvider(
                new JacksonMcpJsonMapper(dev.hook0mcp.server.engine.Json.MAPPER), guarded, stdout);
        McpSyncServer server = McpFeatures.follow(
                McpFeatures.apply(McpServer.sync(transport), executor, context, instructions).build(), executor, context);
        log.info("serving MCP over stdio ({} tools)", context.surface().enabledNames().size());
        ended.await();
        log.info("stdin closed; shutting down");
        server.closeGracefully();
    }
}
