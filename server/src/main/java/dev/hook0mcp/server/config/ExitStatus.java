package dev.hook0mcp.server.config;

/** The process exit statuses of every command (server, check, attenuate). */
public final class ExitStatus {

    /** Done (for check: the token is usable and Hook0 confirmed it). */
    public static final int OK = 0;
    /** The server failed, Hook0 could not confirm the token, or the token is unusable. */
    public static final int FAILED = 1;
    /** The configuration, the arguments or the input cannot be used as given; the message names the fix. */
    public static final int BAD_INPUT = 2;

    private ExitStatus() {}
}
