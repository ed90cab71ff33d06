package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.JsonBody;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.http.ValidationErrors;
import dev.hook0mcp.sandbox.store.EventType;
import dev.hook0mcp.sandbox.store.SandboxStore;
import java.util.UUID;

/** {@code /event_types}: list, idempotent create (upsert, 201), get, deactivate. */
public final class EventTypeHandlers {

    private final SandboxStore store;
    private final Access access;

    public EventTypeHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/event_types", true, this::list);
        router.add("POST", "/event_types", true, this::create);
        router.add("GET", "/event_types/{event_type_name}", true, this::get);
        router.add("DELETE", "/event_types/{event_type_name}", true, this::delete);
    }

    ApiResponse list(ApiRequest request) {
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.EVENT_TYPE_LIST, app);
        return ApiResponse.ok(Views.list(store.eventTypes(app), Views::eventType));
    }

    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json();
        UUID app = body.requiredUuid("application_id");
        String service = body.requiredString("service");
        String resourceType = body.requiredString("resource_type");
        String verb = body.requiredString("verb");
        access.application(request, Action.EVENT_TYPE_CREATE, app);
        new ValidationErrors()
                .length("service", service, 1, 50).noControlCharacters("service", service)
                .length("resource_type", resourceType, 1, 50).noControlCharacters("resource_type", resourceType)
                .length("verb", verb, 1, 50).noControlCharacters("verb", verb)
                .throwIfAny();
        return ApiResponse.created(Views.eventType(store.upsertEventType(app, service, resourceType, verb)));
    }

    ApiResponse get(ApiRequest request) {
        String name = request.pathString("event_type_name");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.EVENT_TYPE_GET, app);
        EventType type = store.eventType(app, name).orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.eventType(type));
    }

    ApiResponse delete(ApiRequest request) {
        String name = request.pathString("event_type_name");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.EVENT_TYPE_DELETE, app);
        if (!store.deactivateEventType(app, name)) {
            throw new ProblemException(Problem.notFound());
        }
        return ApiResponse.noContent();
    }
}
