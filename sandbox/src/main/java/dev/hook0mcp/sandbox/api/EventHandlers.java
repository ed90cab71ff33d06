package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.catalog.Uuids;
import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.JsonBody;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.http.ValidationErrors;
import dev.hook0mcp.sandbox.store.Event;
import dev.hook0mcp.sandbox.store.Ids;
import dev.hook0mcp.sandbox.store.SandboxStore;
import dev.hook0mcp.sandbox.store.SandboxStore.IngestResult;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code GET /events}, {@code GET /events/{id}}, {@code POST /event} (ingest) and replay. */
public final class EventHandlers {

    static final int MAX_PAYLOAD_CHARS = 699_050;

    private final SandboxStore store;
    private final Access access;

    public EventHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/events", true, this::list);
        router.add("GET", "/events/{event_id}", true, this::get);
        router.add("POST", "/event", true, this::ingest);
        router.add("POST", "/events/{event_id}/replay", true, this::replay);
    }

    /** The latest 100, newest first, without payloads. */
    ApiResponse list(ApiRequest request) {
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.EVENT_LIST, app);
        return ApiResponse.ok(Views.list(store.latestEvents(app), Views::event));
    }

    ApiResponse get(ApiRequest request) {
        UUID id = request.pathUuid("event_id");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.EVENT_GET, app);
        Event event = store.event(app, id).orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.eventWithPayload(event));
    }

    /**
     * auth → validate (422) → content type (400) → payload decode (400) → insert (409 duplicate id, 400
     * unknown type) → deliveries are simulated at once → 201.
     */
    ApiResponse ingest(ApiRequest request) {
        JsonBody body = request.json();
        UUID app = body.requiredUuid("application_id");
        UUID eventId = body.optionalUuid("event_id");
        String eventType = body.requiredString("event_type");
        String payload = body.requiredString("payload");
        String contentType = body.requiredString("payload_content_type");
        Map<String, String> metadata = body.optionalStringMap("metadata");
        Instant occurredAt = body.requiredDateTime("occurred_at");
        Map<String, String> labels = body.requiredStringMap("labels");
        access.application(request, Action.EVENT_INGEST, app);
        new ValidationErrors()
                .length("event_type", eventType, 1, 200).noControlCharacters("event_type", eventType)
                .maxLength("payload", payload, MAX_PAYLOAD_CHARS)
                .length("payload_content_type", contentType, 1, 100)
                .map("metadata", metadata, 0, 50, 1, 50)
                .map("labels", labels, 1, 10, 1, 50)
                .throwIfAny();
        byte[] bytes = PayloadDecoder.decode(contentType, payload);
        Instant receivedAt = store.clock().next();
        Event event = new Event(eventId == null ? Uuids.v7(receivedAt) : eventId, app, eventType, contentType, bytes,
                request.clientIp(), metadata == null ? Map.of() : metadata, occurredAt, receivedAt, labels);
        IngestResult result = store.ingest(event);
        return switch (result.outcome()) {
            case INGESTED -> ApiResponse.created(Views.ingestedEvent(result.event()));
            case DUPLICATE_EVENT_ID -> throw new ProblemException(Problem.eventAlreadyIngested());
            case UNKNOWN_EVENT_TYPE -> throw new ProblemException(Problem.eventTypeDoesNotExist());
        };
    }

    ApiResponse replay(ApiRequest request) {
        UUID id = request.pathUuid("event_id");
        UUID app = request.json().requiredUuid("application_id");
        access.application(request, Action.EVENT_REPLAY, app);
        if (!store.replay(app, id)) {
            throw new ProblemException(Problem.notFound());
        }
        return ApiResponse.noContent();
    }
}
