package dev.hook0mcp.sandbox.auth;

import dev.hook0mcp.catalog.Hook0Action;
import dev.hook0mcp.catalog.Hook0Actions;
import java.util.List;

/**
 * Hook0's IAM actions ({@code iam.rs::Action}) used by service tokens, as the sandbox's handlers name them. What
 * each one is (scope: whether the authorizer adds an {@code application_id} fact; whether viewers may do it) comes
 * from the project's one table of Hook0 actions, {@code hook0-actions.json}.
 */
public enum Action {
    ORGANIZATION_LIST("organization:list"),
    ORGANIZATION_GET("organization:get"),
    APPLICATION_LIST("application:list"),
    APPLICATION_CREATE("application:create"),
    APPLICATION_GET("application:get"),
    APPLICATION_EDIT("application:edit"),
    APPLICATION_DELETE("application:delete"),
    EVENT_TYPE_LIST("event_type:list"),
    EVENT_TYPE_GET("event_type:get"),
    EVENT_TYPE_CREATE("event_type:create"),
    EVENT_TYPE_DELETE("event_type:delete"),
    SUBSCRIPTION_LIST("subscription:list"),
    SUBSCRIPTION_GET("subscription:get"),
    SUBSCRIPTION_CREATE("subscription:create"),
    SUBSCRIPTION_EDIT("subscription:edit"),
    SUBSCRIPTION_DELETE("subscription:delete"),
    EVENT_LIST("event:list"),
    EVENT_GET("event:get"),
    EVENT_INGEST("event:ingest"),
    EVENT_REPLAY("event:replay"),
    REQUEST_ATTEMPT_LIST("request_attempt:list"),
    REQUEST_ATTEMPT_GET("request_attempt:get"),
    RESPONSE_GET("response:get"),
    EVENTS_PER_DAY_APPLICATION("events_per_day:application"),
    EVENTS_PER_DAY_ORGANIZATION("events_per_day:organization");

    /** The 15 read actions of Hook0's documented read-only claim, in its order. */
    public static final List<String> READ_ACTIONS = Hook0Actions.standard().readOnlyClaim();

    private final String actionName;
    private final Hook0Action described;

    Action(String actionName) {
        this.actionName = actionName;
        this.described = Hook0Actions.standard().get(actionName);
    }

    /** The Datalog name, e.g. {@code event:ingest}. */
    public String actionName() {
        return actionName;
    }

    /** {@code NONE}: no organization id at all (only organization:list among service-token actions). */
    public Hook0Action.Scope scope() {
        return described.scope();
    }

    public boolean viewerAllowed() {
        return described.viewer();
    }
}
