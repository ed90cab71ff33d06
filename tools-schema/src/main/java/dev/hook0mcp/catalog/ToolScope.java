package dev.hook0mcp.catalog;

/** Whether Hook0 authorizes the tool's action against the organization or against one application. */
public enum ToolScope {
    ORGANIZATION,
    APPLICATION,
    /** Needs no Hook0 action at all (e.g. get_token_info). */
    NONE
}
