package dev.hook0mcp.server.results;

/**
 * @param revealSecrets  HOOK0_REVEAL_SECRETS: show secrets instead of redacting them
 * @param maxResultBytes size budget of one result
 */
public record ShapingOptions(boolean revealSecrets, int maxResultBytes) {}
