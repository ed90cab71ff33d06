package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer.Decision;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer.ExtraFact;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.store.SandboxStore;
import java.util.List;
import java.util.UUID;

/**
 * Hook0's {@code authorize_for_organization} / {@code authorize_for_application}: resolve the
 * organization, run the authorizer, and throw 403 {@code Forbidden} (or 503 on timeout) when denied.
 * An unknown or deleted application is a 403, never a 404.
 */
public final class Access {

    private final Hook0Authorizer authorizer;
    private final SandboxStore store;

    public Access(Hook0Authorizer authorizer, SandboxStore store) {
        this.authorizer = authorizer;
        this.store = store;
    }

    /** {@code organization:list}: no organization id at all. */
    public void withoutOrganization(ApiRequest request, Action action) {
        require(authorizer.authorize(request.token().biscuit(), action, null, null, List.of()));
    }

    public void organization(ApiRequest request, Action action, UUID organizationId) {
        require(authorizer.authorize(request.token().biscuit(), action, organizationId, null, List.of()));
    }

    public void application(ApiRequest request, Action action, UUID applicationId, ExtraFact... extraFacts) {
        UUID organizationId = store.organizationOfApplication(applicationId)
                .orElseThrow(() -> new ProblemException(Problem.forbidden()));
        require(authorizer.authorize(request.token().biscuit(), action, organizationId, applicationId,
                List.of(extraFacts)));
    }

    private static void require(Decision decision) {
        switch (decision) {
            case ALLOWED -> {
            }
            case TIMED_OUT -> throw new ProblemException(Problem.serviceUnavailable());
            default -> throw new ProblemException(Problem.forbidden());
        }
    }
}
