package dev.hook0mcp.sandbox;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar hook0-sandbox.jar [--port N]}: starts the sandbox, prints its URL, ids and fresh tokens
 * (one {@code KEY=value} per line on stdout), then serves until killed.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    usage(System.out);
                    return;
                }
                case "--port" -> {
                    if (i + 1 >= args.length) {
                        fail("--port needs a value");
                    }
                    port = parsePort(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--port=")) {
                        port = parsePort(args[i].substring("--port=".length()));
                    } else {
                        fail("unknown argument: " + args[i]);
                    }
                }
            }
        }
        Sandbox sandbox = Sandbox.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "hook0-sandbox-shutdown"));
        print(sandbox, System.out);
        new CountDownLatch(1).await();
    }

    static void print(Sandbox sandbox, PrintStream out) {
        SandboxTokens tokens = sandbox.tokens();
        String root = sandbox.rootToken();
        out.println("# Hook0 sandbox (in-memory, demo data). Ctrl-C to stop.");
        out.println("HOOK0_API_URL=" + sandbox.baseUrl());
        out.println("BISCUIT_PUBLIC_KEY=" + sandbox.publicKeyHex());
        out.println("ORGANIZATION_ID=" + sandbox.organizationId());
        out.println("APPLICATION_ID=" + sandbox.applicationId());
        out.println("SECOND_APPLICATION_ID=" + sandbox.secondApplicationId());
        out.println("# root service token (everything in the organization)");
        out.println("TOKEN_ROOT=" + root);
        out.println("# restricted to APPLICATION_ID");
        out.println("TOKEN_ONE_APPLICATION=" + tokens.attenuate(root, Attenuation.application(sandbox.applicationId())));
        out.println("# read-only allow-list (the 15 read actions)");
        out.println("TOKEN_READ_ONLY=" + tokens.attenuate(root, Attenuation.none().allowActions(Attenuation.READ_ACTIONS)));
        out.println("# read-only allow-list plus event:ingest");
        Set<String> readIngest = new HashSet<>(Attenuation.READ_ACTIONS);
        readIngest.add("event:ingest");
        out.println("TOKEN_READ_INGEST=" + tokens.attenuate(root, Attenuation.none().allowActions(readIngest)));
        out.println("# expired an hour ago (the server then offers only get_token_info)");
        out.println("TOKEN_EXPIRED=" + tokens.attenuate(root,
                Attenuation.none().expiresAt(Instant.now().minus(1, ChronoUnit.HOURS))));
        out.flush();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                fail("--port must be between 0 and 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--port must be a number: " + text);
            return 0;
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar hook0-sandbox.jar [--port N]");
        out.println();
        out.println("Starts an in-memory Hook0-compatible API on 127.0.0.1 with demo data and real Biscuit");
        out.println("service tokens, prints its URL, ids and tokens, and serves until killed.");
        out.println();
        out.println("  --port N   port to listen on (default 0: a free port)");
        out.println("  --help     this text");
    }

    private static void fail(String message) {
        System.err.println("hook0-sandbox: " + message);
        usage(System.err);
        System.exit(2);
    }
}
