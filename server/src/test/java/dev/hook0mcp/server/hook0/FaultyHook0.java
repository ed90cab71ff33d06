package dev.hook0mcp.server.hook0;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hook0 that misbehaves on demand, for tests: a plain HTTP/1.1 server on 127.0.0.1 (raw sockets, so that it can
 * break a connection anywhere) that answers scripted routes with a {@link Fault} and forwards every other request
 * to a real Hook0 double (the sandbox), so the token's signature check and probes pass. It counts the requests
 * that reach it per route ("GET /api/v1/applications", without the query). Every answer closes its connection.
 */
public final class FaultyHook0 implements AutoCloseable {

    /** What a scripted route answers. */
    @FunctionalInterface
    public interface Fault {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final String upstream;
    private final HttpClient proxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FaultyHook0(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "faulty-hook0-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts on a free loopback port, forwarding unscripted routes to {@code upstreamBaseUrl}. */
    public static FaultyHook0 start(String upstreamBaseUrl) throws IOException {
        return new FaultyHook0(upstreamBaseUrl);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, {@code method path} answers with {@code fault} (until {@link #clear()}). */
    public FaultyHook0 on(String method, String path, Fault fault) {
        faults.put(method + " " + path, fault);
        return this;
    }

    /** Every route goes to the upstream again; the counts start from zero. */
    public void clear() {
        faults.clear();
        counts.clear();
    }

    /** How many requests for {@code method path} reached this server. */
    public int count(String method, String path) {
        AtomicInteger n = counts.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    // ---- faults -------------------------------------------------------------------------------------------

    /** A complete answer with a fixed body. */
    public static Fault respond(int status, Map<String, String> headers, String body) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Length", String.valueOf(bytes.length));
            writeHead(out, status, all);
            out.write(bytes);
            out.flush();
        };
    }

    /** A web page, as a wrong HOOK0_API_URL or a proxy's login page answers. */
    public static Fault html(int status) {
        return respond(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Log in</form></body></html>");
    }

    /** Declares {@code declaredLength} bytes, sends {@code sent}, then closes. */
    public static Fault truncated(int status, int declaredLength, String sent) {
        return (socket, out) -> {
            writeHead(out, status, Map.of("Content-Type", "application/json", "Content-Length",
                    String.valueOf(declaredLength)));
            out.write(sent.getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    /** A JSON-looking body of {@code bytes} bytes, generated while it is sent (never held), without a length. */
    public static Fault huge(int status, long bytes) {
        return (socket, out) -> {
            writeHead(out, status, Map.of("Content-Type", "application/json"));
            byte[] chunk = ("{\"name\":\"" + "x".repeat(1000) + "\"},").getBytes(StandardCharsets.US_ASCII);
            out.write('[');
            long sent = 1;
            try {
                while (sent < bytes) {
                    out.write(chunk);
                    sent += chunk.length;
                }
                out.flush();
            } catch (IOException e) {
                // The client stopped reading: that is the point.
            }
        };
    }

    /** Sends the status line (e.g. "HTTP/1.1 201 Created"), then resets the connection. */
    public static Fault resetAfterStatusLine(int status) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Reads the request and never answers (until the client gives up or the double stops). */
    public Fault hang() {
        return (socket, out) -> {
            try {
                stopped.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    // ---- serving ------------------------------------------------------------------------------------------

    private record Received(String method, String target, Map<String, String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "faulty-hook0-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            Received request = read(socket.getInputStream());
            if (request == null) {
                return;
            }
            String route = request.method() + " " + request.path();
            counts.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.get(route);
            OutputStream out = socket.getOutputStream();
            if (fault != null) {
                fault.answer(socket, out);
            } else {
                forward(request, out);
            }
        } catch (IOException | RuntimeException e) {
            // A broken connection is what some faults are about.
        }
    }

    private void forward(Received request, OutputStream out) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(upstream + request.target()))
                .timeout(Duration.ofSeconds(30));
        for (String name : List.of("authorization", "content-type", "accept", "user-agent")) {
            String value = request.headers().get(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        builder.method(request.method(), request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<byte[]> response;
        try {
            response = proxy.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("content-type", "link", "retry-after")) {
            response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
        }
        headers.put("Content-Length", String.valueOf(response.body().length));
        writeHead(out, response.statusCode(), headers);
        out.write(response.body());
        out.flush();
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too large");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Received(requestLine[0], requestLine[1], headers, body);
    }

    private static void writeHead(OutputStream out, int status, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 408 -> "Request Timeout";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() throws IOException {
        stopped.countDown();
        server.close();
    }
}
