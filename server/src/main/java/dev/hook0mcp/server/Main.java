package dev.hook0mcp.server;

/** Entry point of {@code java -jar hook0-mcp.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int status = new Launcher(System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(status);
    }
}
