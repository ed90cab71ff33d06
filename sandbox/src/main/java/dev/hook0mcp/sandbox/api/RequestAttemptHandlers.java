package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.auth.Action;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer.ExtraFact;
import dev.hook0mcp.sandbox.http.ApiRequest;
import dev.hook0mcp.sandbox.http.ApiResponse;
import dev.hook0mcp.sandbox.http.PlainHttpError;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.QueryParams;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.http.Timestamps;
import dev.hook0mcp.sandbox.store.AttemptQuery;
import dev.hook0mcp.sandbox.store.RequestAttempt;
import dev.hook0mcp.sandbox.store.SandboxStore;
import dev.hook0mcp.sandbox.store.WebhookResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code GET /request_attempts} (keyset pages of 50, cursor in {@code Link rel="next"} whenever the page
 * is non-empty), {@code GET /request_attempts/{id}} and {@code GET /responses/{id}}.
 */
public final class RequestAttemptHandlers {

    private static final UUID NIL = new UUID(0, 0);

    private final SandboxStore store;
    private final Access access;
    private final String baseUrl;

    public RequestAttemptHandlers(SandboxStore store, Access access, String baseUrl) {
        this.store = store;
        this.access = access;
        this.baseUrl = baseUrl;
    }

    public void register(Router router) {
        router.add("GET", "/request_attempts", true, this::list);
        router.add("GET", "/request_attempts/{request_attempt_id}", true, this::get);
        router.add("GET", "/responses/{response_id}", true, this::response);
    }

    ApiResponse list(ApiRequest request) {
        QueryParams q = request.query();
        UUID app = q.requiredUuid("application_id");
        UUID eventId = q.optionalUuid("event_id");
        UUID subscriptionId = q.optionalUuid("subscription_id");
        Instant min = q.optionalInstant("min_created_at");
        Instant max = q.optionalInstant("max_created_at");
        String typeNamesParam = q.optionalString("event.event_type_names");
        String cursorParam = q.optionalString("pagination_cursor");
        PaginationCursor cursor = cursorParam == null ? null : PaginationCursor.decode(cursorParam)
                .orElseThrow(() -> PlainHttpError.query("invalid value for `pagination_cursor`"));
        Set<String> typeNames = typeNamesParam == null ? Set.of() : Arrays.stream(typeNamesParam.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));

        access.application(request, Action.REQUEST_ATTEMPT_LIST, app, ExtraFact.stringSet("event_type_names", typeNames));

        Instant now = store.clock().next();
        List<RequestAttempt> page = store.attemptPage(new AttemptQuery(app, eventId, subscriptionId,
                min == null ? Instant.EPOCH : min, max == null ? now : max, typeNames,
                cursor == null ? now : cursor.date(), cursor == null ? NIL : cursor.id()));
        ApiResponse response = ApiResponse.ok(Views.list(page, a -> Views.requestAttempt(a, store.detailsOf(a), now)));
        if (!page.isEmpty()) {
            RequestAttempt last = page.get(page.size() - 1);
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"application_id", app.toString()});
            if (eventId != null) {
                params.add(new String[] {"event_id", eventId.toString()});
            }
            if (subscriptionId != null) {
                params.add(new String[] {"subscription_id", subscriptionId.toString()});
            }
            if (min != null) {
                params.add(new String[] {"min_created_at", Timestamps.display(min)});
            }
            if (max != null) {
                params.add(new String[] {"max_created_at", Timestamps.display(max)});
            }
            if (typeNamesParam != null) {
                params.add(new String[] {"event.event_type_names", typeNamesParam});
            }
            params.add(new String[] {"pagination_cursor", new PaginationCursor(last.createdAt(), last.id()).encode()});
            String query = params.stream().map(p -> form(p[0]) + "=" + form(p[1])).collect(Collectors.joining("&"));
            response.withHeader("Link", "<" + baseUrl + "/api/v1/request_attempts?" + query + ">; rel=\"next\"");
        }
        return response;
    }

    ApiResponse get(ApiRequest request) {
        UUID id = request.pathUuid("request_attempt_id");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.REQUEST_ATTEMPT_GET, app);
        RequestAttempt attempt = store.attempt(app, id).orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.requestAttempt(attempt, store.detailsOf(attempt), store.clock().next()));
    }

    ApiResponse response(ApiRequest request) {
        UUID id = request.pathUuid("response_id");
        UUID app = request.query().requiredUuid("application_id");
        access.application(request, Action.RESPONSE_GET, app);
        WebhookResponse response = store.response(app, id).orElseThrow(() -> new ProblemException(Problem.notFound()));
        return ApiResponse.ok(Views.response(response));
    }

    /** application/x-www-form-urlencoded, as the url crate's {@code append_pair} writes it. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
