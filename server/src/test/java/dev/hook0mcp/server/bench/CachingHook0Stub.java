package dev.hook0mcp.server.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A "Hook0 answered from a cache" for the HTTP throughput figures: an HTTP/1.1 server on 127.0.0.1 in front of
 * the sandbox, a thread per kept-alive connection on blocking sockets. Every request is forwarded to the sandbox
 * once; a successful GET is then kept in memory as the bytes of its whole answer (keyed by path + query +
 * Authorization header), and every later identical GET is answered with them without touching the sandbox, so the
 * figure measures hook0-mcp, not the fake Hook0 behind it, and the cache takes little of the cores the server uses.
 */
final class CachingHook0Stub implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date", "te", "trailer", "proxy-connection");

    private final String upstream;
    private final ServerSocket server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    CachingHook0Stub(String upstreamBaseUrl) throws IOException {
        this.upstream = upstreamBaseUrl;
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hook0-cache-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int cachedAnswers() {
        return cache.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "hook0-cache-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            for (HttpMessage request = HttpMessage.readRequest(in); request != null; request = HttpMessage.readRequest(in)) {
                String key = request.target() + " " + request.headers().get("authorization");
                boolean get = "GET".equals(request.method());
                byte[] answer = get ? cache.get(key) : null;
                if (answer == null) {
                    HttpResponse<byte[]> forwarded = forward(request);
                    answer = bytes(forwarded);
                    if (get && forwarded.statusCode() == 200) {
                        cache.put(key, answer);
                    }
                }
                out.write(answer);
                out.flush();
                if (request.closesConnection()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the caller went away, or the stub is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private HttpResponse<byte[]> forward(HttpMessage request) throws IOException, InterruptedException {
        byte[] body = request.body();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(upstream + request.target()))
                .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name)) {
                forwarded.header(name, value);
            }
        });
        return client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The whole answer as it goes on the wire: status line, the upstream's headers, Content-Length, body. */
    private static byte[] bytes(HttpResponse<byte[]> response) {
        StringBuilder head = new StringBuilder(512).append("HTTP/1.1 ").append(response.statusCode()).append(" -\r\n");
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        byte[] body = response.body();
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return whole;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
