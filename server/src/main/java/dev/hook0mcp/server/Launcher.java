package dev.hook0mcp.server;

import dev.hook0mcp.server.config.ExitStatus;
import dev.hook0mcp.server.config.Version;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.attenuate.AttenuateCommand;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigException;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.config.HelpText;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.metrics.ServerMetrics;
import dev.hook0mcp.server.transport.http.HttpTransportServer;
import dev.hook0mcp.server.transport.http.PortReservation;
import dev.hook0mcp.server.logging.SecretRedactor;
import dev.hook0mcp.server.transport.stdio.HandshakeCache;
import dev.hook0mcp.server.transport.stdio.StdioServer;
import dev.hook0mcp.server.transport.stdio.StdioStreams;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration and runs what was asked: help, version, check, attenuate, or the server on its
 * transport.
 * Exit status: 0 done, 1 the server failed, 2 the configuration is unusable.
 */
public final class Launcher {

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    private final BooleanSupplier stdinIsTerminal;
    private final Clock clock;

    public Launcher(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this(env, stdin, stdout, stderr, StdinTerminal::detect);
    }

    /** @param clock the server's clock ({@link ServerCore}): a test moves it past a token's expiry */
    public Launcher(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr, Clock clock) {
        this(env, stdin, stdout, stderr, StdinTerminal::detect, clock);
    }

    /** @param stdinIsTerminal whether a person types on stdin (then the stdio server says it waits for a client) */
    Launcher(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr,
            BooleanSupplier stdinIsTerminal) {
        this(env, stdin, stdout, stderr, stdinIsTerminal, Clock.systemUTC());
    }

    private Launcher(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr,
            BooleanSupplier stdinIsTerminal, Clock clock) {
        this.clock = clock;
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    public int run(String[] args) {
        if (args.length > 0 && args[0].equals(AttenuateCommand.NAME)) {
            return new AttenuateCommand(env, stdin, stdout, stderr).run(List.of(args).subList(1, args.length));
        }
        Config config;
        try {
            config = new ConfigParser(env).parse(args);
            SecretRedactor.remember(config.token());
        } catch (ConfigException e) {
            stderr.println("hook0-mcp: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        switch (config.command()) {
            case HELP -> {
                stdout.print(HelpText.render());
                return ExitStatus.OK;
            }
            case VERSION -> {
                stdout.println(Version.NAME + " " + Version.VERSION);
                return ExitStatus.OK;
            }
            default -> {
                return serveOrCheck(config);
            }
        }
    }

    /**
     * Starts the HTTP transport as {@link #run} starts it for {@code --transport http|sse} (configuration, port,
     * sandbox, core, metrics) and returns it serving: {@code run} then serves it until SIGTERM; a test stops it
     * with {@link HttpServing#close}, which is what SIGTERM does.
     *
     * @throws ConfigException when the configuration is unusable, names no HTTP transport, or the port is taken
     */
    public HttpServing startHttp(String... args) {
        Config config = new ConfigParser(env).parse(args);
        SecretRedactor.remember(config.token());
        if (config.command() != Config.Command.SERVE || config.transport() == Transport.STDIO) {
            throw new ConfigException("not an HTTP server: give --transport http or --transport sse");
        }
        return startHttp(config);
    }

    private HttpServing startHttp(Config config) {
        ServerSocketChannel port = PortReservation.bind(config.host(), config.port()); // before any sandbox or probe
        Sandbox sandbox = null;
        try {
            if (config.sandbox()) {
                sandbox = startSandbox();
                config = config.withApiUrlAndToken(sandbox.baseUrl(), sandbox.rootToken());
            }
            ServerCore core = new ServerCore(config, clock);
            try {
                ServerMetrics metrics = config.metrics()
                        ? ServerMetrics.of(core.executor(), core.client(), core.inspector()) : null;
                return new HttpServing(HttpTransportServer.start(config, core.sessions(), port, metrics), core, sandbox);
            } catch (Exception e) {
                core.close();
                throw new ConfigException("cannot serve HTTP on " + config.host() + ":" + config.port() + ": "
                        + e.getMessage());
            }
        } catch (RuntimeException e) {
            closeQuietly(port);
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
    }

    /** Serves MCP over HTTP until SIGTERM/SIGINT, which stops it as {@link HttpServing#close} does, then exits 0. */
    private static int serveUntilSignal(HttpServing serving) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            serving.close();
            stopped.countDown();
            // A stop asked for by SIGTERM/SIGINT that answered every call in flight is a clean exit, not 143/130.
            System.err.flush();
            Runtime.getRuntime().halt(ExitStatus.OK);
        }, "hook0-mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        serving.join();
        stopped.await();
        return ExitStatus.OK;
    }

    private static Sandbox startSandbox() {
        Sandbox sandbox = Sandbox.start(0);
        SecretRedactor.remember(sandbox.rootToken());
        LoggerFactory.getLogger(Launcher.class).info(
                "sandbox Hook0 API with demo data at {} (organization {}, applications {} and {})",
                sandbox.baseUrl(), sandbox.organizationId(), sandbox.applicationId(), sandbox.secondApplicationId());
        return sandbox;
    }

    private int serveOrCheck(Config config) {
        Logger log = LoggerFactory.getLogger(Launcher.class);
        Sandbox sandbox = null;
        try {
            if (config.command() == Config.Command.SERVE && config.transport() != Transport.STDIO) {
                return serveUntilSignal(startHttp(config));
            }
            if (config.sandbox()) {
                sandbox = startSandbox();
                config = config.withApiUrlAndToken(sandbox.baseUrl(), sandbox.rootToken());
            }
            if (!config.hasToken()) {
                stderr.println(HelpText.missingToken());
                return ExitStatus.BAD_INPUT;
            }
            // First, before the catalogue and the SDK: a restart may answer initialize and tools/list at once.
            StdioStreams streams = config.command() == Config.Command.CHECK ? null
                    : StdioStreams.open(stdin, stdout, config.sandbox() ? HandshakeCache.off()
                            : HandshakeCache.in(Path.of(config.probeCacheDir()), config.probeCacheTtl(),
                                    config.settingsKey()),
                            config.token(), config.apiUrl());
            ServerCore core = new ServerCore(config, clock);
            if (config.command() == Config.Command.CHECK) {
                return new CheckCommand(core, stdout).run(config.token());
            }
            Config serving = config;
            try {
                StdioServer.serve(core.sessions(), config.token(), streams, config.shutdownGrace(),
                        () -> TerminalHint.line(serving, stdinIsTerminal.getAsBoolean(), TerminalHint.jarPath())
                                .ifPresent(stderr::println));
            } finally {
                core.close();
            }
            return ExitStatus.OK;
        } catch (ConfigException e) {
            stderr.println("hook0-mcp: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.OK;
        } catch (RuntimeException e) {
            log.error("hook0-mcp stopped: {}", e.toString(), e);
            return ExitStatus.FAILED;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private static void closeQuietly(ServerSocketChannel port) {
        if (port != null) {
            try {
                port.close();
            } catch (java.io.IOException ignored) {
                // Stopping anyway: the port is released with the process.
            }
        }
    }
}
