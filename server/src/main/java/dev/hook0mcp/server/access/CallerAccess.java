package dev.hook0mcp.server.access;

/** What is known about one caller's token: the tools it gets, and the facts get_token_info reports. */
public interface CallerAccess {

    ToolSurface surface();

    /** The token's facts and the decision about every tool, as get_token_info reports them (no token text). */
    TokenInfo tokenInfo();

    /** Hook0 refused the token itself (403 AuthInvalidBiscuit: revoked); an access that can change looks again. */
    default void tokenRejected() {
    }
}
