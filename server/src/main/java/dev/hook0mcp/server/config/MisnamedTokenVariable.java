package dev.hook0mcp.server.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names people give the token variable by mistake. When one of them is set and HOOK0_API_TOKEN is not, the
 * server stops with "did you mean HOOK0_API_TOKEN?" instead of "no token" — naming the variable, never its value.
 */
public final class MisnamedTokenVariable {

    public static final List<String> NAMES = List.of("HOOK0_TOKEN", "HOOK0_API_KEY", "HOOK0_SERVICE_TOKEN");

    private MisnamedTokenVariable() {}

    /** The first misnamed variable set (not blank) in {@code env}. */
    public static Optional<String> find(Map<String, String> env) {
        return NAMES.stream().filter(name -> {
            String value = env.get(name);
            return value != null && !value.isBlank();
        }).findFirst();
    }

    /** The message for {@code name}: what is wrong and how to fix it, without the value. */
    public static String message(String name) {
        return name + " is set, but hook0-mcp reads the token from HOOK0_API_TOKEN: did you mean HOOK0_API_TOKEN?"
                + " Rename " + name + " to HOOK0_API_TOKEN (in the client's MCP configuration, its \"env\" block),"
                + " or put the token in a file named by HOOK0_API_TOKEN_FILE (the value of " + name
                + " is not shown)";
    }
}
