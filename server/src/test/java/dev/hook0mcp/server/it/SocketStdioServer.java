package dev.hook0mcp.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The real stdio server in this JVM ({@link InProcessServer#lines}) with its stdin and stdout carried by one
 * loopback TCP connection, for a client that can only start a process: the process it starts relays its own
 * stdin and stdout to {@link #port} ({@code src/test/node/stdio-bridge.mjs}). The server starts at once (unless
 * asked to start at the client's first line), so it probes its token while the client's process starts; it stops
 * when the connection's input ends, as a stdio server stops at the end of its stdin.
 */
final class SocketStdioServer implements AutoCloseable {

    final int port;
    private final ServerSocket listener;
    private final Map<String, String> env;
    private volatile InProcessServer.Lines server;
    private final Thread relay;

    SocketStdioServer(Map<String, String> env) throws IOException {
        this(env, false);
    }

    /**
     * @param startAtFirstLine start the server when the client's first line has come, as a process a client
     *     launches has its first message waiting on stdin when it starts (what a restart answers from its cache)
     */
    SocketStdioServer(Map<String, String> env, boolean startAtFirstLine) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        port = listener.getLocalPort();
        this.env = env;
        if (!startAtFirstLine) {
            server = InProcessServer.lines(env);
        }
        relay = new Thread(this::relay, "stdio-over-socket-" + port);
        relay.setDaemon(true);
        relay.start();
    }

    /** Serves the one connection: its lines to the server's stdin, the server's stdout lines back. */
    private void relay() {
        Socket socket = null;
        Thread answers = null;
        try {
            socket = listener.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (server == null) {
                server = InProcessServer.lines(env);
            }
            Socket connection = socket;
            answers = new Thread(() -> answer(connection), "stdio-over-socket-out-" + port);
            answers.setDaemon(true);
            answers.start();
            for (String line = first; line != null; line = in.readLine()) {
                server.send(line);
            }
        } catch (IOException e) {
            // the listener was closed before a client came, or the connection broke: the server's stdin ends
        } finally {
            if (server != null) {
                server.close(); // its stdin ends; waits until it has stopped (and written its last answers)
            }
            try {
                if (answers != null) {
                    answers.join(30_000);
                }
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException | InterruptedException ignored) {
                // closing anyway
            }
        }
    }

    private void answer(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            for (String line; (line = server.readLine()) != null; ) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            socket.shutdownOutput(); // the client's process sees the end of the server's stdout
        } catch (IOException e) {
            // the connection is gone
        }
    }

    /** What the server has logged so far. */
    String stderr() {
        InProcessServer.Lines started = server;
        return started == null ? "" : started.stderr();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        relay.join(30_000);
    }
}
