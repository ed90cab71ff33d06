package dev.hook0mcp.sandbox.store;

import java.util.UUID;

/** A Hook0 organization. */
public record Organization(UUID id, String name) {
}
