package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.json.Json;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class SerializedSendsTest {

    /**
     * The SDK's transport busy-loops only 100 ms when another thread is inside its sink, then drops the message;
     * on a loaded machine a thread can stall that long. Handed over one at a time, no send ever finds another inside.
     */
    @Test
    void noTwoSendsAreEverInsideTheSdkTransportAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        McpServerTransport sdk = new McpServerTransport() {
            @Override
            public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
                return Mono.fromRunnable(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                });
            }

            @Override
            public <T> T unmarshalFrom(Object data, io.modelcontextprotocol.json.TypeRef<T> typeRef) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return Mono.empty();
            }
        };
        McpServerTransport serialized = new SerializedSends.Transport(sdk);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                sends.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 40; i++) {
                        serialized.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "x", null))
                                .block(Duration.ofSeconds(10));
                    }
                }, pool));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, most.get(), "sends were handed to the SDK one at a time");
    }

    @Test
    void answersSentFromManyThreadsAtOnceAllReachStdout() throws Exception {
        PipedOutputStream clientSide = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(clientSide); // stays open: the session lives on
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        var provider = new SerializedSends(new StdioServerTransportProvider(new JacksonMcpJsonMapper(Json.MAPPER),
                stdin, stdout));
        AtomicReference<McpServerTransport> transport = new AtomicReference<>();
        provider.setSessionFactory(t -> {
            transport.set(t);
            return null; // no request arrives in this test, so the SDK never asks the session anything
        });

        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sends.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < perThread; i++) {
                        int id = thread * perThread + i;
                        transport.get().sendMessage(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, id,
                                Map.of(), null)).block(Duration.ofSeconds(10));
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Set<Integer> answered = waitForLines(stdout, threads * perThread);
        assertEquals(threads * perThread, answered.size(), "every answer was written, none dropped");
        assertTrue(answered.contains(0) && answered.contains(threads * perThread - 1));
        provider.closeGracefully().block(Duration.ofSeconds(5));
        clientSide.close();
    }

    private static int idOf(String line) {
        try {
            return Json.MAPPER.readTree(line).path("id").asInt(-1);
        } catch (java.io.IOException e) {
            return -1; // a line still being written
        }
    }

    private static Set<Integer> waitForLines(ByteArrayOutputStream stdout, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<Integer> ids = Set.of();
        while (System.nanoTime() < deadline) {
            String text;
            synchronized (stdout) {
                text = stdout.toString(StandardCharsets.UTF_8);
            }
            ids = text.lines().filter(l -> !l.isBlank())
                    .map(SerializedSendsTest::idOf)
                    .collect(Collectors.toSet());
            if (ids.size() >= expected) {
                break;
            }
            Thread.sleep(20);
        }
        return ids;
    }
}
