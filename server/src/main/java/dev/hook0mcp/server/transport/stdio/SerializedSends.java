package dev.hook0mcp.server.transport.stdio;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport (2.1.0) hands every outgoing message to a unicast Reactor sink with
 * {@code tryEmitNext}, which fails instead of waiting when two threads emit at once: the answer of one of two tool
 * calls finishing together was dropped ("Failed to enqueue message") and its client waited forever. This wraps the
 * provider so the session's messages are handed over one at a time; everything else is the SDK's.
 */
final class SerializedSends implements McpServerTransportProvider {

    private final McpServerTransportProvider delegate;

    SerializedSends(McpServerTransportProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new Transport(transport)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    /** Subscribing to the SDK's send emits at once once the transport runs, so the lock covers the emission. */
    static final class Transport implements McpServerTransport {

        private final McpServerTransport delegate;
        private final Object lock = new Object();

        Transport(McpServerTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.defer(() -> {
                CompletableFuture<Void> sent;
                synchronized (lock) {
                    sent = delegate.sendMessage(message).toFuture();
                }
                return Mono.fromFuture(sent);
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return delegate.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return delegate.closeGracefully();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public List<String> protocolVersions() {
            return delegate.protocolVersions();
        }
    }
}
