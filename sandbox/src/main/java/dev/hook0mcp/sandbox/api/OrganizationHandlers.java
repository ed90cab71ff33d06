package dev.hook0mcp.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.store.Application;
import dev.hook0mcp.sandbox.store.Organization;
import dev.hook0mcp.sandbox.store.SandboxStore;
import java.util.List;
import java.util.UUID;

/** {@code GET /organizations} and {@code GET /organizations/{organization_id}}. */
public final class OrganizationHandlers {

    private final SandboxStore store;
    private final Access access;

    public OrganizationHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/organizations", true, this::list);
        router.add("GET", "/organizations/{organization_id}", true, this::get);
    }

    /** A service token sees exactly its own organization. */
    ApiResponse list(ApiRequest request) {
        access.withoutOrganization(request, Action.ORGANIZATION_LIST);
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        store.organization(request.token().organizationId()).ifPresent(org -> body.add(Views.organization(org)));
        return ApiResponse.ok(body);
    }

    ApiResponse get(ApiRequest request) {
        UUID organizationId = request.pathUuid("organization_id");
        access.organization(request, Action.ORGANIZATION_GET, organizationId);
        Organization org = store.organization(organizationId)
                .orElseThrow(() -> new ProblemException(Problem.notFound()));
        List<Application> apps = store.applications(organizationId);
        int eventsToday = apps.stream()
                .mapToInt(a -> store.eventsReceivedOn(a.id(), store.clock().today())).sum();
        Views.OrganizationFigures figures = new Views.OrganizationFigures(apps.size(), eventsToday,
                apps.stream().anyMatch(a -> !store.eventTypes(a.id()).isEmpty()),
                apps.stream().anyMatch(a -> !store.subscriptions(a.id()).isEmpty()),
                apps.stream().anyMatch(a -> store.hasEvents(a.id())));
        return ApiResponse.ok(Views.organizationInfo(org, figures));
    }
}
