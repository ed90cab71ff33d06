package dev.hook0mcp.server;

import dev.hook0mcp.server.logging.RedactingStream;
import dev.hook0mcp.server.logging.TimestampedLines;
import java.io.PrintStream;

/** Entry point of {@code java -jar hook0-mcp.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        StartUpOverlap.begin();
        int status = new Launcher(System.getenv(), System.in, System.out, setUpStandardError()).run(args);
        System.exit(status);
    }

    /**
     * Points {@code System.err}, where every logger writes, at a redacting stream that starts each line with the
     * time of day; call before the first logger, so no token reaches stderr at any level.
     *
     * @return a redacting stream on stderr without the time, for the launcher's own words to people
     */
    static PrintStream setUpStandardError() {
        PrintStream stderr = System.err;
        RedactingStream.installOnStandardError(new TimestampedLines(stderr));
        return RedactingStream.printStream(stderr);
    }
}
