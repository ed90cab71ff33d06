package dev.hook0mcp.server;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person started the process at a keyboard, rather than an MCP client with pipes. */
final class StdinTerminal {

    private StdinTerminal() {}

    /**
     * On Java 17 a console exists only when stdin and stdout are both a terminal. From Java 22 one may exist
     * without a terminal, and {@code Console.isTerminal()} (absent from 17, hence the reflection) tells.
     */
    static boolean detect() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
