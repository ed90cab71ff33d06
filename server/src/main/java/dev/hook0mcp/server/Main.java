package dev.hook0mcp.server;

import dev.hook0mcp.server.logging.RedactingStream;

/** Entry point of {@code java -jar hook0-mcp.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        RedactingStream.installOnStandardError(); // before the first logger: no token reaches stderr, at any level
        int status = new Launcher(System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(status);
    }
}
