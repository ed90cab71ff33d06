package dev.hook0mcp.server;

import dev.hook0mcp.server.config.Config;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one line a person gets who starts the stdio server in a terminal, where it would otherwise sit silent:
 * that it waits for an MCP client, how to try it instead, and how to quit. An MCP client's pipe gets nothing.
 */
final class TerminalHint {

    private TerminalHint() {}

    /** The line for {@code config}, when stdin is a terminal and the server is about to serve stdio. */
    static Optional<String> line(Config config, boolean stdinIsTerminal, String jar) {
        if (!stdinIsTerminal) {
            return Optional.empty();
        }
        String java = "java -jar " + jar;
        String waiting = "hook0-mcp: waiting for an MCP client on stdin (this is a server, not a prompt). ";
        String quit = " Ctrl-D (Ctrl-Z, Enter on Windows) quits.";
        if (config.sandbox()) {
            return Optional.of(waiting + "To try it: `" + java + " check --sandbox` shows the tools, and the MCP"
                    + " Inspector drives it: `npx @modelcontextprotocol/inspector " + java + " --sandbox`." + quit);
        }
        return Optional.of(waiting + "`" + java + " check` shows what the token can do; an MCP client starts `"
                + java + "` itself (README: Clients)." + quit);
    }

    /** This jar's path as a person would type it, or {@code hook0-mcp.jar} when not run from a jar. */
    static String jarPath() {
        try {
            Path path = Path.of(TerminalHint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (path.getFileName() != null && path.getFileName().toString().endsWith(".jar")) {
                String text = path.toString();
                return text.chars().anyMatch(Character::isWhitespace) ? "\"" + text + "\"" : text;
            }
        } catch (Exception e) {
            // No code source (or not a file): the generic name is still a correct hint.
        }
        return "hook0-mcp.jar";
    }
}
