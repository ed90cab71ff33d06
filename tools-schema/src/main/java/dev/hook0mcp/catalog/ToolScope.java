package dev.hook0mcp.catalog;

/**
 * Whether a token restricted to one application can use the tool: derived from its action's scope in
 * {@code hook0-actions.json} (Hook0 refuses every action that is not application-scoped to such tokens).
 */
public enum ToolScope {
    /** Authorized against the organization (or no organization at all): not for one-application tokens. */
    ORGANIZATION,
    APPLICATION,
    /** Needs no Hook0 action at all (e.g. get_token_info). */
    NONE
}
