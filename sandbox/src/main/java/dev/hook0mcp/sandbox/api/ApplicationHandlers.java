package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.JsonBody;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.http.ValidationErrors;
import dev.hook0mcp.sandbox.store.Application;
import dev.hook0mcp.sandbox.store.Ids;
import dev.hook0mcp.sandbox.store.SandboxStore;
import java.util.UUID;

/** {@code /applications}: list and create (organization-level), get, update and soft delete. */
public final class ApplicationHandlers {

    private final SandboxStore store;
    private final Access access;

    public ApplicationHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/applications", true, this::list);
        router.add("POST", "/applications", true, this::create);
        router.add("GET", "/applications/{application_id}", true, this::get);
        router.add("PUT", "/applications/{application_id}", true, this::update);
        router.add("DELETE", "/applications/{application_id}", true, this::delete);
    }

    ApiResponse list(ApiRequest request) {
        UUID organizationId = request.query().requiredUuid("organization_id");
        access.organization(request, Action.APPLICATION_LIST, organizationId);
        return ApiResponse.ok(Views.list(store.applications(organizationId), Views::application));
    }

    /** auth → validate (name 2–50) → insert → 201. */
    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json();
        UUID organizationId = body.requiredUuid("organization_id");
        String name = body.requiredString("name");
        access.organization(request, Action.APPLICATION_CREATE, organizationId);
        validateName(name);
        return ApiResponse.created(Views.application(store.createApplication(Ids.random(), organizationId, name)));
    }

    ApiResponse get(ApiRequest request) {
        UUID id = request.pathUuid("application_id");
        access.application(request, Action.APPLICATION_GET, id);
        Application app = store.application(id).orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.applicationInfo(app, store.eventsReceivedOn(id, store.clock().today()),
                !store.eventTypes(id).isEmpty(), !store.subscriptions(id).isEmpty(), store.hasEvents(id)));
    }

    /** {@code organization_id} is required in the body but ignored. */
    ApiResponse update(ApiRequest request) {
        UUID id = request.pathUuid("application_id");
        JsonBody body = request.json();
        body.requiredUuid("organization_id");
        String name = body.requiredString("name");
        access.application(request, Action.APPLICATION_EDIT, id);
        validateName(name);
        Application renamed = store.renameApplication(id, name)
                .orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.application(renamed));
    }

    /** Soft delete: afterwards the application is unknown to the authorizer (403). */
    ApiResponse delete(ApiRequest request) {
        UUID id = request.pathUuid("application_id");
        access.application(request, Action.APPLICATION_DELETE, id);
        if (!store.deleteApplication(id)) {
            throw new ProblemException(Problem.notFound());
        }
        return ApiResponse.noContent();
    }

    private static void validateName(String name) {
        new ValidationErrors().length("name", name, 2, 50).noControlCharacters("name", name).throwIfAny();
    }
}
