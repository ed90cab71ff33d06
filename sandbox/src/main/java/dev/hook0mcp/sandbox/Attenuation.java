package dev.hook0mcp.sandbox;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.store.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What to restrict when attenuating a token; written as ONE appended block. Combinable:
 * <pre>
 * Attenuation.application(app).expiresAt(tomorrow)
 * Attenuation.none().allowActions(Attenuation.READ_ACTIONS)
 * </pre>
 * By default the checks use forms biscuit-java 4.0.1 evaluates correctly:
 * {@code check if application_id($a), $a == hex:…}, {@code check if time($t), $t < <date>} and
 * {@code check if action($a), [..].contains($a)} (biscuit-java writes a set as {@code [..]}).
 * {@link #dashboardForm()} writes the application check as the Hook0 dashboard does,
 * {@code check if application_id(hex:…)}, which the sandbox also evaluates correctly.
 */
public final class Attenuation {

    /** The 15 actions of Hook0's documented read-only claim. */
    public static final Set<String> READ_ACTIONS = Set.copyOf(Action.READ_ACTIONS);

    private static final Pattern ACTION_NAME = Pattern.compile("[a-z_]+:[a-z_]+");

    private final UUID application;
    private final Instant expiresAt;
    private final Set<String> allowedActions;
    private final boolean dashboardForm;

    private Attenuation(UUID application, Instant expiresAt, Set<String> allowedActions,
                        boolean dashboardForm) {
        this.application = application;
        this.expiresAt = expiresAt;
        this.allowedActions = allowedActions;
        this.dashboardForm = dashboardForm;
    }

    /** No restriction yet; add some with the instance methods. */
    public static Attenuation none() {
        return new Attenuation(null, null, null, false);
    }

    /** Restrict to one application. */
    public static Attenuation application(UUID applicationId) {
        return none().withApplication(applicationId);
    }

    public Attenuation withApplication(UUID applicationId) {
        return new Attenuation(Objects.requireNonNull(applicationId), expiresAt, allowedActions, dashboardForm);
    }

    /** Valid strictly before this instant (second precision). */
    public Attenuation expiresAt(Instant instant) {
        return new Attenuation(application, Objects.requireNonNull(instant), allowedActions, dashboardForm);
    }

    /** Allow-list of action names such as {@code event:ingest}. */
    public Attenuation allowActions(Collection<String> actions) {
        Set<String> sorted = new TreeSet<>(actions);
        for (String action : sorted) {
            if (!ACTION_NAME.matcher(action).matches()) {
                throw new IllegalArgumentException("not an action name: " + action);
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an allow-list needs at least one action");
        }
        return new Attenuation(application, expiresAt, Set.copyOf(sorted), dashboardForm);
    }

    /** Write the application check exactly as the Hook0 dashboard does. */
    public Attenuation dashboardForm() {
        return new Attenuation(application, expiresAt, allowedActions, true);
    }

    public Optional<UUID> applicationId() {
        return Optional.ofNullable(application);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Set<String>> allowedActions() {
        return Optional.ofNullable(allowedActions);
    }

    /** The Datalog checks of the block, in order: application, expiry, allow-list. */
    public List<String> datalogChecks() {
        List<String> checks = new ArrayList<>();
        if (application != null) {
            String hex = "hex:" + Ids.hex(application);
            checks.add(dashboardForm
                    ? "check if application_id(" + hex + ")"
                    : "check if application_id($a), $a == " + hex);
        }
        if (expiresAt != null) {
            checks.add("check if time($t), $t < " + expiresAt.truncatedTo(ChronoUnit.SECONDS));
        }
        if (allowedActions != null) {
            StringBuilder set = new StringBuilder();
            for (String action : new TreeSet<>(allowedActions)) {
                set.append(set.length() == 0 ? "" : ", ").append('"').append(action).append('"');
            }
            checks.add("check if action($a), [" + set + "].contains($a)");
        }
        return checks;
    }

    @Override
    public String toString() {
        return "Attenuation" + datalogChecks();
    }
}
