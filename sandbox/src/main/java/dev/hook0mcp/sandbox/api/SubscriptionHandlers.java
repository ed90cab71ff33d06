package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer.ExtraFact;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.store.Ids;
import dev.hook0mcp.sandbox.store.SandboxStore;
import dev.hook0mcp.sandbox.store.SandboxStore.SubscriptionWrite;
import dev.hook0mcp.sandbox.store.Subscription;
import java.util.UUID;

/**
 * {@code /subscriptions}. Quirks kept: get answers 404 before authorizing; create/update resolve labels
 * before authorizing; delete is idempotent (a deleted row is still found: 204 again).
 */
public final class SubscriptionHandlers {

    private final SandboxStore store;
    private final Access access;

    public SubscriptionHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/subscriptions", true, this::list);
        router.add("POST", "/subscriptions", true, this::create);
        router.add("GET", "/subscriptions/{subscription_id}", true, this::get);
        router.add("PUT", "/subscriptions/{subscription_id}", true, this::update);
        router.add("DELETE", "/subscriptions/{subscription_id}", true, this::delete);
    }

    ApiResponse list(ApiRequest request) {
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.SUBSCRIPTION_LIST, app);
        return ApiResponse.ok(Views.list(store.subscriptions(app), Views::subscription));
    }

    ApiResponse get(ApiRequest request) {
        UUID id = request.pathUuid("subscription_id");
        Subscription subscription = store.subscription(id).orElseThrow(() -> new ProblemException(Problem.notFound()));
        access.application(request, Action.SUBSCRIPTION_GET, subscription.applicationId(),
                ExtraFact.bytes("subscription_id", id));
        return ApiResponse.ok(Views.subscription(subscription));
    }

    ApiResponse create(ApiRequest request) {
        SubscriptionRequest body = SubscriptionRequest.parse(request.json()).resolveLabels();
        access.application(request, Action.SUBSCRIPTION_CREATE, body.applicationId);
        body.validate();
        SubscriptionWrite write = store.createSubscription(Ids.random(), Ids.random(), body.toDraft());
        return ApiResponse.created(Views.subscription(written(write), body.method));
    }

    ApiResponse update(ApiRequest request) {
        UUID id = request.pathUuid("subscription_id");
        SubscriptionRequest body = SubscriptionRequest.parse(request.json()).resolveLabels();
        access.application(request, Action.SUBSCRIPTION_EDIT, body.applicationId,
                ExtraFact.bytes("subscription_id", id));
        body.validate();
        return ApiResponse.ok(Views.subscription(written(store.updateSubscription(id, body.toDraft())), body.method));
    }

    ApiResponse delete(ApiRequest request) {
        UUID id = request.pathUuid("subscription_id");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.SUBSCRIPTION_DELETE, app, ExtraFact.bytes("subscription_id", id));
        if (!store.deleteSubscription(id, app)) {
            throw new ProblemException(Problem.notFound());
        }
        return ApiResponse.noContent();
    }

    private static Subscription written(SubscriptionWrite write) {
        return switch (write.outcome()) {
            case OK -> write.subscription();
            case NOT_FOUND -> throw new ProblemException(Problem.notFound());
            case UNKNOWN_EVENT_TYPE -> throw new ProblemException(Problem.eventTypeDoesNotExist());
        };
    }
}
