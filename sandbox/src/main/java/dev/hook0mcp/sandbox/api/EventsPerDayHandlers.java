package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.store.SandboxStore;
import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /events_per_day/application} and {@code /organization}; {@code from > to} is a 400 before auth. */
public final class EventsPerDayHandlers {

    private final SandboxStore store;
    private final Access access;

    public EventsPerDayHandlers(SandboxStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/events_per_day/application", true, this::application);
        router.add("GET", "/events_per_day/organization", true, this::organization);
    }

    ApiResponse application(ApiRequest request) {
        UUID app = request.query().requiredUuid("application_id");
        LocalDate[] range = range(request);
        access.application(request, Action.EVENTS_PER_DAY_APPLICATION, app);
        return ApiResponse.ok(Views.list(store.eventsPerDay(store.application(app).stream().toList(), range[0], range[1]),
                Views::eventsPerDay));
    }

    ApiResponse organization(ApiRequest request) {
        UUID org = request.query().requiredUuid("organization_id");
        LocalDate[] range = range(request);
        access.organization(request, Action.EVENTS_PER_DAY_ORGANIZATION, org);
        return ApiResponse.ok(Views.list(store.eventsPerDay(store.applications(org), range[0], range[1]),
                Views::eventsPerDay));
    }

    /** Defaults: {@code to} = today (UTC), {@code from} = {@code to} − 30 days. */
    private LocalDate[] range(ApiRequest request) {
        LocalDate to = request.query().optionalDate("to");
        LocalDate from = request.query().optionalDate("from");
        if (to == null) {
            to = store.clock().today();
        }
        if (from == null) {
            from = to.minusDays(30);
        }
        if (from.isAfter(to)) {
            throw new ProblemException(Problem.invalidDateRange());
        }
        return new LocalDate[] {from, to};
    }

}
