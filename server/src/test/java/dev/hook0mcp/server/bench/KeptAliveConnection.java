package dev.hook0mcp.server.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection on a blocking socket, for the load generator: a request is written in one
 * go, the answer read whole (Content-Length, chunked, or up to the end of the connection). The JDK's
 * {@code HttpClient} costs about as much CPU a request as the server under test does, and on 2 shared cores the
 * load generator's CPU is taken from the server; this one costs a few microseconds. It reconnects when the server
 * closed the connection.
 */
final class KeptAliveConnection implements AutoCloseable {

    /** An answer: status, the headers the load needs (names in lower case), and the body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeptAliveConnection(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** Sends one request; {@code headers} are written as given, Host and Content-Length are added. */
    Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null || !"GET".equals(method)) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        HttpMessage answer;
        try {
            answer = exchange(request, content);
            if (answer == null && reused) {
                // a kept-alive connection the server had closed meanwhile (idle): once more on a new one
                close();
                answer = exchange(request, content);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        if (answer == null) {
            close();
            throw new IOException("the server closed the connection without an answer");
        }
        if (answer.closesConnection()) {
            close();
        }
        return new Answer(answer.status(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    private HttpMessage exchange(byte[] head, byte[] content) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(head);
        out.write(content);
        out.flush();
        return HttpMessage.readResponse(in);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
