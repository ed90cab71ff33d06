package dev.hook0mcp.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One Hook0 IAM action as {@code hook0-actions.json} describes it: its Datalog name, whether Hook0 authorizes it
 * against no organization, an organization or one application (only the last gets an {@code application_id}
 * fact, so a token restricted to one application is refused the others), whether it only reads, whether viewers
 * may do it, and its side-effect-free probe.
 *
 * @param routes       the routes Hook0 authorizes with this action, as "METHOD /path/{param}"
 * @param inferredFrom the action whose verdict this one takes when it cannot be probed (null when always probed)
 * @param whyNoProbe   why it may go unprobed (null when always probed)
 */
public record Hook0Action(String name, java.util.List<String> routes, Scope scope, boolean read, boolean viewer, ProbeTemplate probe,
        String inferredFrom, String whyNoProbe) {

    /** What Hook0 authorizes the action against. */
    public enum Scope { NONE, ORGANIZATION, APPLICATION }

    public Hook0Action {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, name + ": scope");
        routes = java.util.List.copyOf(routes);
    }

    /** The resource part of the name: {@code event} for {@code event:ingest}. */
    public String resource() {
        return name.substring(0, name.indexOf(':'));
    }

    public Optional<ProbeTemplate> probeTemplate() {
        return Optional.ofNullable(probe);
    }

    /** Whether a token restricted to one application may still be granted this action. */
    public boolean isApplicationScoped() {
        return scope == Scope.APPLICATION;
    }
}
