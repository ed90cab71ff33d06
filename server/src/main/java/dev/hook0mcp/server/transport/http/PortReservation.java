package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.config.ConfigException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Binds the HTTP port first, before the sandbox starts or the token is probed, so that a port in use is said at
 * once and costs no request to Hook0. The bound channel is then handed to Jetty: no other process can take the
 * port in between.
 */
public final class PortReservation {

    private PortReservation() {}

    /** A listening channel on {@code host:port}, or a {@link ConfigException} that says what to change. */
    public static ServerSocketChannel bind(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ConfigException("cannot listen on " + host + ": no such host. Set --host (MCP_HOST) to an"
                    + " address of this machine, e.g. 127.0.0.1 (the default) or 0.0.0.0 for every interface");
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.socket().setReuseAddress(true); // as Jetty does: a restart may bind while old sockets linger
            channel.bind(address);
            channel.configureBlocking(true);
            return channel;
        } catch (BindException | UnresolvedAddressException e) {
            close(channel);
            throw refused(host, port, e.getMessage());
        } catch (IOException e) {
            close(channel);
            throw new ConfigException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose another port with --port N (MCP_PORT), or --port 0 for any free one");
        }
    }

    private static ConfigException refused(String host, int port, String reason) {
        String why = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (why.contains("in use")) {
            return new ConfigException("port " + port + " on " + host + " is already in use (another hook0-mcp, or"
                    + " another server): stop that one, choose another port with --port N (MCP_PORT), or use"
                    + " --port 0 for any free port (the start-up line on stderr says which)");
        }
        if (why.contains("assign") || why.contains("not available")) {
            return new ConfigException("cannot listen on " + host + ": it is not an address of this machine. Set"
                    + " --host (MCP_HOST) to one, e.g. 127.0.0.1 (the default) or 0.0.0.0 for every interface");
        }
        if (why.contains("permission") || why.contains("access")) {
            return new ConfigException("port " + port + " needs privileges on this system: choose a port above"
                    + " 1023 with --port N (MCP_PORT), or --port 0 for any free port");
        }
        return new ConfigException("cannot listen on " + host + ":" + port + (reason == null ? "" : ": " + reason)
                + ". Choose another port with --port N (MCP_PORT), or --port 0 for any free port");
    }

    private static void close(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a channel that never bound: nothing is left to release.
            }
        }
    }
}
