package dev.hook0mcp.server.access;

import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ProbeTemplate;
import dev.hook0mcp.server.hook0.Hook0Request;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The side-effect-free request of each Hook0 action, from the probe templates of {@code hook0-actions.json}
 * (reference §C.3): Hook0 authorizes before it validates or looks anything up, so reads are plain GETs (404 on a
 * made-up id still means "allowed") and writes send a well-formed body that fails validation (422 = allowed,
 * 403 Forbidden = denied) or target a made-up id (404 = allowed). None of them can change data.
 */
final class ActionProbes {

    static final String NIL = "00000000-0000-0000-0000-000000000000";

    private ActionProbes() {}

    /**
     * The probe for {@code action}, or empty when there is no safe one (application:delete) or a value it needs is
     * missing (no application to probe against, no real subscription).
     */
    static Optional<Hook0Request> forAction(String action, String org, String app, String subscription) {
        Map<String, String> values = new HashMap<>();
        values.put("nil", NIL);
        values.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        putIfPresent(values, "organization_id", org);
        putIfPresent(values, "application_id", app);
        putIfPresent(values, "subscription_id", subscription);
        return Hook0Actions.standard().get(action).probeTemplate()
                .flatMap(template -> template.fill(values))
                .map(ActionProbes::request);
    }

    private static Hook0Request request(ProbeTemplate.Request probe) {
        return new Hook0Request(probe.method(), probe.pathSegments(), probe.query(), probe.body());
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
