package dev.hook0mcp.server.access;

import java.util.Optional;

/**
 * Argument values the token itself provides: its organization, and its application when it is restricted to
 * one. Catalogue {@code defaults} name them as {@code token.organization_id} / {@code token.application_id}.
 */
public record TokenDefaults(String organizationId, String applicationId) {

    public static final TokenDefaults NONE = new TokenDefaults(null, null);

    public Optional<String> lookup(String source) {
        return Optional.ofNullable(switch (source) {
            case "token.organization_id" -> organizationId;
            case "token.application_id" -> applicationId;
            default -> null;
        });
    }
}
