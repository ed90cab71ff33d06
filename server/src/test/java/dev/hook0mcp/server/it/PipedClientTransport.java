package dev.hook0mcp.server.it;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The MCP Java SDK client's side of a stdio connection, over streams instead of a child process: one JSON-RPC
 * message per line to the server's stdin, one per line read from its stdout (as the SDK's StdioClientTransport
 * does with a process's pipes).
 */
final class PipedClientTransport implements McpClientTransport {

    private final McpJsonMapper json;
    private final OutputStream toServer;
    private final InputStream fromServer;
    private final Runnable onClose;
    private volatile boolean closing;

    PipedClientTransport(McpJsonMapper json, OutputStream toServer, InputStream fromServer, Runnable onClose) {
        this.json = json;
        this.toServer = toServer;
        this.fromServer = fromServer;
        this.onClose = onClose;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(json, line);
                    handler.apply(Mono.just(message)).subscribe();
                }
            } catch (IOException e) {
                if (!closing) {
                    throw new IllegalStateException("reading the server's stdout failed", e);
                }
            }
        }, "in-process-stdio-client");
        reader.setDaemon(true);
        reader.start();
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (toServer) {
                    toServer.write(line);
                    toServer.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing to the server's stdin failed", e);
            }
        });
    }

    /** Closes the server's stdin, as the end of a client process would; the server drains and returns. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            try {
                toServer.close();
            } catch (IOException ignored) {
                // already closed
            }
            onClose.run();
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }
}
