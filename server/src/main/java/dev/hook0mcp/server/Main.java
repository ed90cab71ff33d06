package dev.hook0mcp.server;

import dev.hook0mcp.server.logging.RedactingStream;
import dev.hook0mcp.server.logging.TimestampedLines;
import java.io.PrintStream;

/** Entry point of {@code java -jar hook0-mcp.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        StartUpOverlap.begin();
        PrintStream stderr = System.err;
        // before the first logger: no token reaches stderr, at any level; log lines then get the time of day
        RedactingStream.installOnStandardError(new TimestampedLines(stderr));
        PrintStream messages = RedactingStream.printStream(stderr); // the launcher's own words to people: no time
        int status = new Launcher(System.getenv(), System.in, System.out, messages).run(args);
        System.exit(status);
    }
}
