package dev.hook0mcp.sandbox.auth;

import java.util.List;

/**
 * Hook0's IAM actions ({@code iam.rs::Action}) used by service tokens: the name the authorizer puts in
 * {@code action(..)}, whether the action is organization- or application-scoped (only the latter gets an
 * {@code application_id} fact) and whether viewers may do it (adds {@code allowed_role("viewer")}).
 */
public enum Action {
    ORGANIZATION_LIST("organization:list", Scope.NONE, false),
    ORGANIZATION_GET("organization:get", Scope.ORGANIZATION, true),
    APPLICATION_LIST("application:list", Scope.ORGANIZATION, true),
    APPLICATION_CREATE("application:create", Scope.ORGANIZATION, false),
    APPLICATION_GET("application:get", Scope.APPLICATION, true),
    APPLICATION_EDIT("application:edit", Scope.APPLICATION, false),
    APPLICATION_DELETE("application:delete", Scope.APPLICATION, false),
    EVENT_TYPE_LIST("event_type:list", Scope.APPLICATION, true),
    EVENT_TYPE_GET("event_type:get", Scope.APPLICATION, true),
    EVENT_TYPE_CREATE("event_type:create", Scope.APPLICATION, false),
    EVENT_TYPE_DELETE("event_type:delete", Scope.APPLICATION, false),
    SUBSCRIPTION_LIST("subscription:list", Scope.APPLICATION, true),
    SUBSCRIPTION_GET("subscription:get", Scope.APPLICATION, true),
    SUBSCRIPTION_CREATE("subscription:create", Scope.APPLICATION, false),
    SUBSCRIPTION_EDIT("subscription:edit", Scope.APPLICATION, false),
    SUBSCRIPTION_DELETE("subscription:delete", Scope.APPLICATION, false),
    EVENT_LIST("event:list", Scope.APPLICATION, true),
    EVENT_GET("event:get", Scope.APPLICATION, true),
    EVENT_INGEST("event:ingest", Scope.APPLICATION, false),
    EVENT_REPLAY("event:replay", Scope.APPLICATION, false),
    REQUEST_ATTEMPT_LIST("request_attempt:list", Scope.APPLICATION, true),
    REQUEST_ATTEMPT_GET("request_attempt:get", Scope.APPLICATION, true),
    RESPONSE_GET("response:get", Scope.APPLICATION, true),
    EVENTS_PER_DAY_APPLICATION("events_per_day:application", Scope.APPLICATION, true),
    EVENTS_PER_DAY_ORGANIZATION("events_per_day:organization", Scope.ORGANIZATION, true);

    /** {@code NONE}: no organization id at all (only organization:list among service-token actions). */
    public enum Scope { NONE, ORGANIZATION, APPLICATION }

    /** The 15 read actions of Hook0's documented read-only claim, in its order. */
    public static final List<String> READ_ACTIONS = List.of("organization:list", "organization:get",
            "application:list", "application:get", "event_type:list", "event_type:get", "subscription:list",
            "subscription:get", "event:list", "event:get", "request_attempt:list", "request_attempt:get",
            "response:get", "events_per_day:application", "events_per_day:organization");

    private final String actionName;
    private final Scope scope;
    private final boolean viewer;

    Action(String actionName, Scope scope, boolean viewer) {
        this.actionName = actionName;
        this.scope = scope;
        this.viewer = viewer;
    }

    /** The Datalog name, e.g. {@code event:ingest}. */
    public String actionName() {
        return actionName;
    }

    public Scope scope() {
        return scope;
    }

    public boolean viewerAllowed() {
        return viewer;
    }
}
