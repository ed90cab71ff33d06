package dev.hook0mcp.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The sandbox's whole data state, in memory. Every method takes the read or the write lock, so concurrent
 * requests see consistent snapshots and compound writes (ingest + deliveries) are atomic. Rows are
 * immutable records; an update replaces the record.
 */
public final class SandboxStore {

    /** Page size of {@code GET /request_attempts}. */
    public static final int ATTEMPT_PAGE_SIZE = 50;
    /** {@code GET /events} returns at most this many, newest first. */
    public static final int EVENT_LIST_LIMIT = 100;

    /** Hook0 orders attempts by id as Postgres compares uuids: bytewise, unsigned (= lowercase text order). */
    public static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);
    private static final Comparator<RequestAttempt> ATTEMPT_ORDER = Comparator
            .comparing(RequestAttempt::createdAt).reversed()
            .thenComparing(RequestAttempt::id, UUID_ORDER);

    public enum IngestOutcome { INGESTED, DUPLICATE_EVENT_ID, UNKNOWN_EVENT_TYPE }

    public enum WriteOutcome { OK, NOT_FOUND, UNKNOWN_EVENT_TYPE }

    public record IngestResult(IngestOutcome outcome, Event event) {
    }

    public record SubscriptionWrite(WriteOutcome outcome, Subscription subscription) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SandboxClock clock;
    private final DeliverySimulator simulator;

    private final Map<UUID, Organization> organizations = new LinkedHashMap<>();
    private final Map<UUID, Application> applications = new LinkedHashMap<>();
    private final Map<UUID, Map<String, EventType>> eventTypes = new LinkedHashMap<>();
    private final Map<UUID, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<UUID, Event> events = new LinkedHashMap<>();
    private final Map<UUID, RequestAttempt> attempts = new LinkedHashMap<>();
    private final Map<UUID, WebhookResponse> responses = new LinkedHashMap<>();

    public SandboxStore(SandboxClock clock, DeliverySimulator simulator) {
        this.clock = clock;
        this.simulator = simulator;
    }

    public SandboxClock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- organizations

    public Optional<Organization> organization(UUID id) {
        return read(() -> Optional.ofNullable(organizations.get(id)));
    }

    public Organization addOrganization(Organization organization) {
        return write(() -> {
            organizations.put(organization.id(), organization);
            return organization;
        });
    }

    // ---------------------------------------------------------------- applications

    /** The organization of a live (not deleted) application: what Hook0's authorizer looks up. */
    public Optional<UUID> organizationOfApplication(UUID applicationId) {
        return application(applicationId).map(Application::organizationId);
    }

    public Optional<Application> application(UUID id) {
        return read(() -> Optional.ofNullable(applications.get(id)).filter(a -> !a.isDeleted()));
    }

    public List<Application> applications(UUID organizationId) {
        return read(() -> applications.values().stream()
                .filter(a -> !a.isDeleted() && a.organizationId().equals(organizationId))
                .collect(Collectors.toList()));
    }

    public Application createApplication(UUID id, UUID organizationId, String name) {
        return write(() -> {
            Application application = new Application(id, organizationId, name, clock.next(), null);
            applications.put(id, application);
            eventTypes.put(id, new TreeMap<>());
            return application;
        });
    }

    public Optional<Application> renameApplication(UUID id, String name) {
        return write(() -> {
            Application current = applications.get(id);
            if (current == null || current.isDeleted()) {
                return Optional.empty();
            }
            Application renamed = current.renamed(name);
            applications.put(id, renamed);
            return Optional.of(renamed);
        });
    }

    /** Soft delete; attempts still waiting for delivery are marked failed, as Hook0 does. */
    public boolean deleteApplication(UUID id) {
        return write(() -> {
            Application current = applications.get(id);
            if (current == null || current.isDeleted()) {
                return false;
            }
            Instant now = clock.next();
            applications.put(id, current.deleted(now));
            failUnfinishedAttempts(a -> a.applicationId().equals(id), now);
            return true;
        });
    }

    // ---------------------------------------------------------------- event types

    public List<EventType> eventTypes(UUID applicationId) {
        return read(() -> typesOf(applicationId).values().stream().filter(EventType::isActive)
                .collect(Collectors.toList()));
    }

    public Optional<EventType> eventType(UUID applicationId, String name) {
        return read(() -> Optional.ofNullable(typesOf(applicationId).get(name)).filter(EventType::isActive));
    }

    /** Create, or reactivate a deactivated type: Hook0's upsert (never a conflict). */
    public EventType upsertEventType(UUID applicationId, String service, String resourceType, String verb) {
        return write(() -> {
            Map<String, EventType> types = eventTypes.computeIfAbsent(applicationId, k -> new TreeMap<>());
            String name = service + "." + resourceType + "." + verb;
            EventType existing = types.get(name);
            if (existing != null && existing.isActive()) {
                return existing;
            }
            Instant createdAt = existing == null ? clock.next() : existing.createdAt();
            EventType type = new EventType(applicationId, service, resourceType, verb, createdAt, null);
            types.put(name, type);
            return type;
        });
    }

    public boolean deactivateEventType(UUID applicationId, String name) {
        return write(() -> {
            Map<String, EventType> types = typesOf(applicationId);
            EventType existing = types.get(name);
            if (existing == null || !existing.isActive()) {
                return false;
            }
            types.put(name, new EventType(applicationId, existing.service(), existing.resourceType(),
                    existing.verb(), existing.createdAt(), clock.next()));
            return true;
        });
    }

    private Map<String, EventType> typesOf(UUID applicationId) {
        return eventTypes.getOrDefault(applicationId, Map.of());
    }

    private boolean allTypesActive(UUID applicationId, List<String> names) {
        Map<String, EventType> types = typesOf(applicationId);
        return names.stream().allMatch(n -> types.containsKey(n) && types.get(n).isActive());
    }

    // ---------------------------------------------------------------- subscriptions

    public List<Subscription> subscriptions(UUID applicationId) {
        return read(() -> subscriptions.values().stream()
                .filter(s -> !s.isDeleted() && s.applicationId().equals(applicationId))
                .collect(Collectors.toList()));
    }

    /** A live subscription, whatever its application (Hook0 looks it up before authorizing). */
    public Optional<Subscription> subscription(UUID id) {
        return read(() -> Optional.ofNullable(subscriptions.get(id)).filter(s -> !s.isDeleted()));
    }

    public SubscriptionWrite createSubscription(UUID id, UUID secret, SubscriptionDraft draft) {
        return write(() -> {
            if (!allTypesActive(draft.applicationId(), draft.eventTypes())) {
                return new SubscriptionWrite(WriteOutcome.UNKNOWN_EVENT_TYPE, null);
            }
            Instant now = clock.next();
            Subscription created = fromDraft(id, secret, draft, now, now);
            subscriptions.put(id, created);
            return new SubscriptionWrite(WriteOutcome.OK, created);
        });
    }

    /** Full replace of a live subscription of the given application. */
    public SubscriptionWrite updateSubscription(UUID id, SubscriptionDraft draft) {
        return write(() -> {
            Subscription current = subscriptions.get(id);
            if (current == null || current.isDeleted() || !current.applicationId().equals(draft.applicationId())) {
                return new SubscriptionWrite(WriteOutcome.NOT_FOUND, null);
            }
            if (!allTypesActive(draft.applicationId(), draft.eventTypes())) {
                return new SubscriptionWrite(WriteOutcome.UNKNOWN_EVENT_TYPE, null);
            }
            Instant now = clock.next();
            Subscription updated = fromDraft(id, current.secret(), draft, current.createdAt(), now);
            subscriptions.put(id, updated);
            if (!updated.enabled()) {
                failUnfinishedAttempts(a -> a.subscriptionId().equals(id), now);
            }
            return new SubscriptionWrite(WriteOutcome.OK, updated);
        });
    }

    /** Hook0's lookup ignores {@code deleted_at}: deleting twice finds the row again (and answers 204). */
    public boolean deleteSubscription(UUID id, UUID applicationId) {
        return write(() -> {
            Subscription current = subscriptions.get(id);
            if (current == null || !current.applicationId().equals(applicationId)) {
                return false;
            }
            if (!current.isDeleted()) {
                subscriptions.put(id, current.deleted(clock.next()));
            }
            return true;
        });
    }

    private static Subscription fromDraft(UUID id, UUID secret, SubscriptionDraft d, Instant createdAt,
                                          Instant updatedAt) {
        return new Subscription(id, d.applicationId(), d.enabled(), d.eventTypes(), d.description(), secret,
                d.metadata(), d.labels(), d.target(), d.dedicatedWorkers(), createdAt, updatedAt, null);
    }

    // ---------------------------------------------------------------- events

    /** The latest {@value #EVENT_LIST_LIMIT} events by {@code received_at}, newest first. */
    public List<Event> latestEvents(UUID applicationId) {
        return read(() -> events.values().stream()
                .filter(e -> e.applicationId().equals(applicationId))
                .sorted(Comparator.comparing(Event::receivedAt).reversed())
                .limit(EVENT_LIST_LIMIT)
                .collect(Collectors.toList()));
    }

    public Optional<Event> event(UUID applicationId, UUID eventId) {
        return read(() -> Optional.ofNullable(events.get(eventId)).filter(e -> e.applicationId().equals(applicationId)));
    }

    /**
     * Stores the event and simulates its deliveries, atomically. Event ids are globally unique; the type
     * must be active in the application.
     */
    public IngestResult ingest(Event event) {
        return write(() -> {
            if (events.containsKey(event.id())) {
                return new IngestResult(IngestOutcome.DUPLICATE_EVENT_ID, null);
            }
            if (!allTypesActive(event.applicationId(), List.of(event.eventTypeName()))) {
                return new IngestResult(IngestOutcome.UNKNOWN_EVENT_TYPE, null);
            }
            events.put(event.id(), event);
            dispatch(event, clock::next, Ids::random);
            return new IngestResult(IngestOutcome.INGESTED, event);
        });
    }

    /** Re-dispatches an event of the application to its currently matching subscriptions. */
    public boolean replay(UUID applicationId, UUID eventId) {
        return write(() -> {
            Event event = events.get(eventId);
            if (event == null || !event.applicationId().equals(applicationId)) {
                return false;
            }
            dispatch(event, clock::next, Ids::random);
            return true;
        });
    }

    private void dispatch(Event event, Supplier<Instant> createdAt, Supplier<UUID> ids) {
        List<Subscription> live = subscriptions.values().stream().filter(s -> !s.isDeleted())
                .collect(Collectors.toList());
        for (DeliverySimulator.Delivery delivery : simulator.deliver(event, live, createdAt, ids)) {
            responses.put(delivery.response().id(), delivery.response());
            attempts.put(delivery.attempt().id(), delivery.attempt());
        }
    }

    // ---------------------------------------------------------------- request attempts and responses

    /** One page: filters, then {@code (created_at, id) < cursor}, ordered created_at DESC, id ASC, 50 rows. */
    public List<RequestAttempt> attemptPage(AttemptQuery q) {
        return read(() -> attempts.values().stream()
                .filter(a -> a.applicationId().equals(q.applicationId()))
                .filter(a -> q.eventId() == null || a.eventId().equals(q.eventId()))
                .filter(a -> q.subscriptionId() == null || a.subscriptionId().equals(q.subscriptionId()))
                .filter(a -> !a.createdAt().isBefore(q.minCreatedAt()) && !a.createdAt().isAfter(q.maxCreatedAt()))
                .filter(a -> before(a, q.cursorDate(), q.cursorId()))
                .filter(a -> q.eventTypeNames().isEmpty()
                        || q.eventTypeNames().contains(eventTypeNameOf(a.eventId())))
                .sorted(ATTEMPT_ORDER)
                .limit(ATTEMPT_PAGE_SIZE)
                .collect(Collectors.toList()));
    }

    private static boolean before(RequestAttempt a, Instant date, UUID id) {
        int byDate = a.createdAt().compareTo(date);
        return byDate < 0 || (byDate == 0 && UUID_ORDER.compare(a.id(), id) < 0);
    }

    public Optional<RequestAttempt> attempt(UUID applicationId, UUID attemptId) {
        return read(() -> Optional.ofNullable(attempts.get(attemptId))
                .filter(a -> a.applicationId().equals(applicationId)));
    }

    /**
     * Every attempt of the application created in {@code [min, max]}, newest first: what a complete walk of
     * {@code GET /request_attempts?min_created_at&max_created_at} returns (tests compute expected figures from it).
     */
    public List<RequestAttempt> attemptsCreatedBetween(UUID applicationId, Instant min, Instant max) {
        return read(() -> attempts.values().stream()
                .filter(a -> a.applicationId().equals(applicationId))
                .filter(a -> !a.createdAt().isBefore(min) && !a.createdAt().isAfter(max))
                .sorted(ATTEMPT_ORDER)
                .collect(Collectors.toList()));
    }

    /** The event type of a stored event, null when there is no such event. */
    public String eventTypeName(UUID eventId) {
        return read(() -> eventTypeNameOf(eventId));
    }

    public int attemptCount(UUID applicationId) {
        return read(() -> (int) attempts.values().stream().filter(a -> a.applicationId().equals(applicationId)).count());
    }

    public Optional<WebhookResponse> response(UUID applicationId, UUID responseId) {
        return read(() -> Optional.ofNullable(responses.get(responseId))
                .filter(r -> r.applicationId().equals(applicationId)));
    }

    /** Joined columns of a request attempt as Hook0's query selects them. */
    public record AttemptDetails(String eventTypeName, String subscriptionDescription, Integer httpResponseStatus) {
    }

    public AttemptDetails detailsOf(RequestAttempt attempt) {
        return read(() -> {
            Subscription subscription = subscriptions.get(attempt.subscriptionId());
            WebhookResponse response = attempt.responseId() == null ? null : responses.get(attempt.responseId());
            return new AttemptDetails(eventTypeNameOf(attempt.eventId()),
                    subscription == null ? null : subscription.description(),
                    response == null ? null : response.httpCode());
        });
    }

    private String eventTypeNameOf(UUID eventId) {
        Event event = events.get(eventId);
        return event == null ? null : event.eventTypeName();
    }

    private void failUnfinishedAttempts(java.util.function.Predicate<RequestAttempt> which, Instant at) {
        attempts.replaceAll((id, a) -> which.test(a) && a.failedAt() == null && a.succeededAt() == null
                ? new RequestAttempt(a.id(), a.applicationId(), a.eventId(), a.subscriptionId(), a.createdAt(),
                a.pickedAt(), at, null, a.delayUntil(), a.responseId(), a.retryCount())
                : a);
    }

    // ---------------------------------------------------------------- statistics

    public int eventsReceivedOn(UUID applicationId, LocalDate day) {
        return read(() -> (int) events.values().stream()
                .filter(e -> e.applicationId().equals(applicationId) && dayOf(e).equals(day)).count());
    }

    public boolean hasEvents(UUID applicationId) {
        return read(() -> events.values().stream().anyMatch(e -> e.applicationId().equals(applicationId)));
    }

    /** Per-day counts for the given live applications, from..to inclusive, ordered by date then name. */
    public List<EventsPerDayEntry> eventsPerDay(List<Application> apps, LocalDate from, LocalDate to) {
        LocalDate today = clock.today();
        return read(() -> {
            List<EventsPerDayEntry> entries = new ArrayList<>();
            for (Application app : apps) {
                Map<LocalDate, Integer> counts = new TreeMap<>();
                for (Event e : events.values()) {
                    LocalDate day = dayOf(e);
                    if (e.applicationId().equals(app.id()) && !day.isBefore(from) && !day.isAfter(to)) {
                        counts.merge(day, 1, Integer::sum);
                    }
                }
                counts.forEach((day, amount) -> entries.add(
                        new EventsPerDayEntry(app.id(), app.name(), day, amount, day.equals(today))));
            }
            entries.sort(Comparator.comparing(EventsPerDayEntry::date).thenComparing(EventsPerDayEntry::applicationName));
            return entries;
        });
    }

    private static LocalDate dayOf(Event e) {
        return LocalDate.ofInstant(e.receivedAt(), ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- seeding

    /** Seed-time insert of an event at a chosen time, with deliveries timed from it and deterministic ids. */
    void seedEvent(Event event, Supplier<UUID> ids) {
        write(() -> {
            events.put(event.id(), event);
            Instant[] next = {event.receivedAt()};
            dispatch(event, () -> next[0] = next[0].plusMillis(7), ids);
            return null;
        });
    }

    void seedSubscription(Subscription subscription) {
        write(() -> subscriptions.put(subscription.id(), subscription));
    }

    /** Inserts, or replaces the attempt of the same id. */
    void seedAttempt(RequestAttempt attempt) {
        write(() -> attempts.put(attempt.id(), attempt));
    }

    /** Inserts, or replaces the response of the same id. */
    void seedResponse(WebhookResponse response) {
        write(() -> responses.put(response.id(), response));
    }

    /** The attempts of one event, any order (seeding adds retries to them). */
    List<RequestAttempt> attemptsOfEvent(UUID eventId) {
        return read(() -> attempts.values().stream().filter(a -> a.eventId().equals(eventId))
                .collect(Collectors.toList()));
    }

    Optional<WebhookResponse> response(UUID responseId) {
        return read(() -> Optional.ofNullable(responses.get(responseId)));
    }

    // ---------------------------------------------------------------- digest

    /** SHA-256 (hex) over every row of every table: equal digests mean no data changed. */
    public String digest() {
        return read(() -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Object table : List.of(organizations, applications, eventTypes, subscriptions, events,
                        attempts, responses)) {
                    sha.update(table.toString().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---------------------------------------------------------------- locking

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
