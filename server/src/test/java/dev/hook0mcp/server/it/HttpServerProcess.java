package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real jar serving MCP over HTTP on a free port; SDK clients connect to it. */
final class HttpServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("on http://(127\\.0\\.0\\.1|0\\.0\\.0\\.0)(:\\d+)(/mcp|/sse)");

    final Process process;
    final String baseUrl;
    private final Thread reader;
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    HttpServerProcess(String transport, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ServerJar.javaExecutable());
        command.addAll(ServerJar.command(List.of("--transport", transport, "--port", "0")));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(env));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        String[] found = new String[1];
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stderr.add(line);
                    Matcher m = URL.matcher(line);
                    if (m.find() && found[0] == null) {
                        found[0] = "http://127.0.0.1" + m.group(2);
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.countDown();
        }, "stderr-reader");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS) || found[0] == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the HTTP server did not start:\n" + stderr());
        }
        baseUrl = found[0];
    }

    McpSyncClient streamableClient(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").requestBuilder(request)
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    McpSyncClient sseClient(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var transport = HttpClientSseClientTransport.builder(baseUrl).sseEndpoint("/sse").requestBuilder(request)
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    /**
     * SIGTERM, as a service manager would send; returns whether the process ended in time. Sent with kill(1):
     * Process.destroy() also closes our ends of the pipes, and the last log lines would be lost.
     */
    boolean terminate() throws Exception {
        sigterm();
        boolean ended = process.waitFor(20, TimeUnit.SECONDS);
        reader.join(5_000); // everything the process wrote on stderr has been read
        return ended;
    }

    /** Sends SIGTERM and returns at once (with kill(1), as {@link #terminate} does). */
    void sigterm() throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    }

    /** Waits until a stderr line contains {@code text}; false when none did within {@code timeout}. */
    boolean awaitStderr(String text, Duration timeout) throws InterruptedException {
        return Eventually.within(timeout, () -> stderr().contains(text));
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive() && !terminate()) {
            process.destroyForcibly();
        }
    }
}
