package dev.hook0mcp.server.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket: to choose the client address, or to send a body as slowly as an attacker does. */
final class RawHttp implements AutoCloseable {

    final Socket socket;

    /** Connects to 127.0.0.1:port from the given loopback address (127.0.0.2 is "another machine"). */
    RawHttp(String fromAddress, int port) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
    }

    void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    static String request(String method, String target, int port, String body, String... headers) {
        StringBuilder r = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        if (body != null) {
            r.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
        } else {
            r.append("\r\n");
        }
        return r.toString();
    }

    /** Reads until the text contains {@code marker} or the stream ends; returns what was read. */
    String readUntil(String marker) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** The status code of the response, or -1 when the server closed the connection without one. */
    int status() throws IOException {
        String head = readUntil("\r\n");
        return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    }

    /**
     * Starts a daemon thread that writes {@code text} to every socket each {@code every}, as a slow attacker keeps
     * its connections busy; a socket the server closed is skipped. Interrupt it to stop.
     */
    static Thread trickle(java.util.List<RawHttp> sockets, String text, java.time.Duration every) {
        Thread trickle = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (RawHttp s : sockets) {
                    try {
                        s.write(text);
                    } catch (IOException closedByServer) {
                        // expected once the server cut it off
                    }
                }
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "slow-sender-trickle");
        trickle.setDaemon(true);
        trickle.start();
        return trickle;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
