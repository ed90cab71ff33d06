package dev.hook0mcp.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.Hook0Action;
import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import dev.hook0mcp.server.token.TokenFacts;
import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.token.TokenFormatException;
import dev.hook0mcp.server.token.TokenReader;
import dev.hook0mcp.server.token.TokenSignature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds out what a token may do: read it offline (organization, application restriction, expiry), check its
 * signature against the instance key, then ask Hook0 itself with side-effect-free probes — Hook0's own answer is
 * the authority. A token without attenuation needs no capability probe; one harmless read still tells a revoked
 * root from a live one.
 */
public final class AccessInspector {

    private final ToolCatalog catalog;
    private final ToolSelection selection;
    private final Hook0Client client;
    private final Set<String> organizationActions = new LinkedHashSet<>();
    private final ProbeBudgets budgets;
    private final ProbeCache cache;
    private final java.util.concurrent.atomic.LongAdder probesSent = new java.util.concurrent.atomic.LongAdder();
    private final Clock clock;
    private final ExpiryAlarms expiryAlarms;
    /** Tokens (by SHA-256) this server has logged a decision for; a long-running HTTP server forgets them at 10,000. */
    private final Set<String> nudged = ConcurrentHashMap.newKeySet();

    public AccessInspector(ToolCatalog catalog, ToolSelection selection, Hook0Client client) {
        this(catalog, selection, client, new ProbeBudgets());
    }

    public AccessInspector(ToolCatalog catalog, ToolSelection selection, Hook0Client client, ProbeBudgets budgets) {
        this(catalog, selection, client, budgets, ProbeCache.off());
    }

    /** @param cache where Hook0's answers are remembered for the next start (see {@link #remembered}) */
    public AccessInspector(ToolCatalog catalog, ToolSelection selection, Hook0Client client, ProbeBudgets budgets,
            ProbeCache cache) {
        this(catalog, selection, client, budgets, cache, Clock.systemUTC());
    }

    /**
     * @param clock what token expiries are judged by, here and when a watched token is looked at again after its
     *              expiry (tests move it past an expiry instead of waiting)
     */
    public AccessInspector(ToolCatalog catalog, ToolSelection selection, Hook0Client client, ProbeBudgets budgets,
            ProbeCache cache, Clock clock) {
        this.clock = clock;
        this.expiryAlarms = new ExpiryAlarms(clock);
        this.budgets = budgets;
        this.catalog = catalog;
        this.selection = selection;
        this.client = client;
        this.cache = cache;
        catalog.tools().stream().filter(t -> t.scope() == ToolScope.ORGANIZATION && t.action() != null)
                .forEach(t -> organizationActions.add(t.action()));
    }

    /** When the expiries of the tokens this inspector decided for are looked at again ({@link TokenWatch}). */
    ExpiryAlarms expiryAlarms() {
        return expiryAlarms;
    }

    /**
     * Whether this is the first decision this server logs for {@code token}: the root-token nudge goes with that
     * one only ({@link TokenInfoLog}).
     */
    public boolean firstNudge(String token) {
        if (nudged.size() >= 10_000) {
            nudged.clear();
        }
        return nudged.add(TokenFingerprint.full(token));
    }

    /** Probes sent to Hook0 since start, over every token (for metrics). */
    public long probesSent() {
        return probesSent.sum();
    }

    public AccessReport inspect(String token) {
        List<String> notes = new ArrayList<>();
        OfflineRead read = OfflineRead.of(token);
        TokenFacts facts = read.facts();
        String problem = read.problem();

        Instance instance = instance(notes);
        Optional<String> instanceKey = instance.key();
        SignatureCheck signature = new SignatureCheck(SignatureStatus.UNCHECKED, "not checked");
        if (facts != null && instanceKey.isPresent()) {
            // Before any probe, not beside them: a token another instance issued is never sent to this one.
            signature = TokenSignature.verify(token, instanceKey.get());
            if (signature.status() == SignatureStatus.INVALID) {
                problem = "the token was not issued by the Hook0 instance at " + client.apiUrl()
                        + ": check HOOK0_API_URL, or create a service token on that instance";
            }
        }
        Instant now = clock.instant();
        if (problem == null && facts != null) {
            problem = expired(facts, now);
        }

        Map<String, ProbeOutcome> verdicts = new LinkedHashMap<>();
        if (problem == null && facts != null && (!instance.reachable() || instance.notHook0() != null)) {
            // Hook0 is down or HOOK0_API_URL is wrong: probing would only wait on timeouts, or read a web page's
            // answers as Hook0's. Start with what the token's own text allows; Hook0 still enforces every call.
            ProbeOutcome unknown = new ProbeOutcome(Verdict.UNKNOWN, instance.notHook0() != null
                    ? "HOOK0_API_URL is not a Hook0 API" : "Hook0 unreachable at start-up");
            neededActions(facts).forEach(a -> verdicts.put(a, unknown));
        } else if (problem == null && facts != null) {
            try {
                problem = probe(token, facts, neededActions(facts), verdicts, notes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notes.add("probing was interrupted; every tool is offered and Hook0 still enforces each call");
            }
        }
        if (problem == null && facts != null && instance.reachable() && instance.notHook0() == null
                && verdicts.keySet().containsAll(neededActions(facts)) && verdicts.values().stream().noneMatch(v -> v.verdict() == Verdict.UNKNOWN)) {
            // only a complete answer from Hook0 is worth remembering
            cache.store(token, client.apiUrl(), neededActions(facts), new ProbeCache.Answers(signature, verdicts, notes));
        }
        return AccessReport.decide(catalog, selection, facts, problem, signature, instance.reachable(),
                instance.notHook0(), verdicts, notes);
    }

    /**
     * The report built from Hook0's answers to an earlier start's probes of this token (see {@link ProbeCache}),
     * when they are still fresh and the token, read offline now, is still usable; empty otherwise.
     */
    public Optional<AccessReport> remembered(String token) {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        OfflineRead read = OfflineRead.of(token);
        if (read.problem() != null || expired(read.facts(), clock.instant()) != null) {
            return Optional.empty();
        }
        TokenFacts facts = read.facts();
        // No warning for it: a start from the cache is the usual case, and LiveAccess logs it as such.
        return cache.load(token, client.apiUrl(), neededActions(facts)).map(a -> AccessReport.decide(catalog,
                selection, facts, null, a.signature(), true, null, a.verdicts(), a.notes()));
    }

    /**
     * What the token's own text allows, without asking Hook0 anything: the answer given while probing is still
     * under way. Every action the text permits is offered as not yet confirmed.
     */
    public AccessReport provisional(String token) {
        List<String> notes = new ArrayList<>();
        OfflineRead read = OfflineRead.of(token);
        TokenFacts facts = read.facts();
        String problem = read.problem();
        if (problem == null) {
            problem = expired(facts, clock.instant());
        }
        Map<String, ProbeOutcome> verdicts = new LinkedHashMap<>();
        if (problem == null) {
            ProbeOutcome pending = new ProbeOutcome(Verdict.UNKNOWN, "Hook0 has not answered the probes yet");
            neededActions(facts).forEach(a -> verdicts.put(a, pending));
            notes.add("Hook0 is slow to answer: the tools follow the token's own text until probing finishes");
        }
        return AccessReport.decide(catalog, selection, facts, problem,
                new SignatureCheck(SignatureStatus.UNCHECKED, "not checked yet"), true, null, verdicts, notes);
    }

    /** The token read offline: its facts, or why it cannot be read as a Hook0 service token. */
    private record OfflineRead(TokenFacts facts, String problem) {
        static OfflineRead of(String token) {
            try {
                return new OfflineRead(TokenReader.read(token), null);
            } catch (TokenFormatException e) {
                return new OfflineRead(null, "the token cannot be read as a Hook0 service token (" + e.getMessage()
                        + "); copy it again from Service Tokens in the Hook0 dashboard");
            }
        }
    }

    /** Why the token is expired at {@code now}, or null when it is not. */
    private static String expired(TokenFacts facts, Instant now) {
        return facts.isExpired(now) ? "the token expired at " + facts.expiresAt().orElseThrow()
                + ": create or attenuate a new token in Service Tokens" : null;
    }

    /** The actions of the tools the user's own filters leave on (no point probing what is hidden anyway). */
    private Set<String> neededActions(TokenFacts facts) {
        Set<String> actions = new LinkedHashSet<>();
        for (ToolDefinition tool : catalog.tools()) {
            if (tool.action() != null && selection.hiddenBecause(tool).isEmpty()
                    && !(facts.applicationRestriction().isPresent() && tool.scope() == ToolScope.ORGANIZATION)) {
                actions.add(tool.action());
            }
        }
        return actions;
    }

    /** Fills {@code verdicts}; returns a token-level problem (revoked, foreign) or null. */
    private String probe(String token, TokenFacts facts, Set<String> actions, Map<String, ProbeOutcome> verdicts,
            List<String> notes) throws InterruptedException {
        String org = facts.organizationId().toString();
        try (Prober prober = new Prober(client, token, budgets.forToken(facts.rootId()), probesSent)) {
            if (!facts.isAttenuated()) {
                // A root service token may do everything in its organization; one read tells whether it is live.
                Prober.Result check = prober.probe(ActionProbes.forAction("organization:list", org, null, null).orElseThrow());
                if (check.outcome().verdict() == Verdict.INVALID_TOKEN) {
                    return revoked(check.outcome());
                }
                Verdict all = check.outcome().verdict() == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.ALLOWED;
                String evidence = all == Verdict.ALLOWED
                        ? "root service token, no attenuation block"
                        : check.outcome().evidence();
                actions.forEach(a -> verdicts.put(a, new ProbeOutcome(all, evidence)));
                if (all == Verdict.UNKNOWN) {
                    notes.add("Hook0 could not be reached to confirm the token (" + evidence + "); every tool is"
                            + " offered and Hook0 still enforces each call");
                }
                return null;
            }

            actions = withoutExcluded(facts, actions, verdicts);
            String app = facts.applicationRestriction().map(UUID::toString).orElse(null);
            Map<String, Hook0Request> phase = new LinkedHashMap<>();
            for (String action : actions) {
                if (isOrganizationAction(action)) {
                    ActionProbes.forAction(action, org, null, null).ifPresent(r -> phase.put(action, r));
                }
            }
            Map<String, Prober.Result> results = new LinkedHashMap<>(prober.run(phase));
            if (app == null) {
                app = firstId(results.get("application:list"), "application_id");
                if (app == null && !actions.isEmpty()) {
                    app = firstApplicationByListing(prober, org);
                }
            }
            phase.clear();
            for (String action : actions) {
                if (!isOrganizationAction(action) && !action.equals("subscription:get")) {
                    ActionProbes.forAction(action, org, app, null).ifPresent(r -> phase.put(action, r));
                }
            }
            results.putAll(prober.run(phase));
            if (actions.contains("subscription:get")) {
                String subscription = firstId(results.get("subscription:list"), "subscription_id");
                ActionProbes.forAction("subscription:get", org, app, subscription)
                        .ifPresent(r -> results.putAll(runOne(prober, "subscription:get", r)));
            }
            for (Map.Entry<String, Prober.Result> e : results.entrySet()) {
                if (e.getValue().outcome().verdict() == Verdict.INVALID_TOKEN) {
                    return revoked(e.getValue().outcome());
                }
                verdicts.put(e.getKey(), e.getValue().outcome());
            }
            inferUnprobed(actions, verdicts, app);
            long unsent = verdicts.values().stream().filter(v -> v.evidence().contains(Prober.NOT_SENT)).count();
            if (unsent > 0) {
                notes.add(unsent + " probes were not sent to stay inside the probe budgets (per token, per token"
                        + " family, per server): those tools follow the token's own text, and Hook0 still enforces"
                        + " each call");
            }
            if (!actions.isEmpty() && actions.stream().allMatch(a -> verdicts.get(a).verdict() == Verdict.UNKNOWN)) {
                notes.add("Hook0 could not be probed; every tool the token's own text allows is offered and Hook0"
                        + " still enforces each call");
            }
            return null;
        }
    }

    /**
     * The actions still worth a probe. An action the token's own allow-list leaves out is refused by Hook0 whatever
     * else it would answer (a check that fails denies the request), so it costs Hook0 nothing to decide: a
     * read-only token probes its reads only. Only when the reader understood every statement of the token — a rule,
     * or a fact in an attenuation block, could make an allow-list check pass for other actions.
     */
    private static Set<String> withoutExcluded(TokenFacts facts, Set<String> actions,
            Map<String, ProbeOutcome> verdicts) {
        if (facts.hasUnrecognizedStatements() || facts.actionAllowList().isEmpty()) {
            return actions;
        }
        Set<String> rest = new LinkedHashSet<>();
        for (String action : actions) {
            if (facts.allowListPermits(action)) {
                rest.add(action);
            } else {
                verdicts.put(action, new ProbeOutcome(Verdict.EXCLUDED,
                        "the token's action allow-list leaves it out, so Hook0 refuses it and was not asked"));
            }
        }
        return rest;
    }

    private static Map<String, Prober.Result> runOne(Prober prober, String action, Hook0Request request) {
        try {
            return Map.of(action, prober.probe(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Actions that went unprobed take the verdict of the sibling the action table names (inferred_from). */
    private static void inferUnprobed(Set<String> actions, Map<String, ProbeOutcome> verdicts, String app) {
        for (Hook0Action a : Hook0Actions.standard().all()) {
            if (a.inferredFrom() != null) {
                infer(actions, verdicts, a.name(), a.inferredFrom(), a.whyNoProbe() + "; same verdict as "
                        + a.inferredFrom());
            }
        }
        for (String action : actions) {
            verdicts.computeIfAbsent(action, a -> new ProbeOutcome(Verdict.UNKNOWN, app == null
                    ? "no application the token can reach to probe against"
                    : "not probed"));
        }
    }

    private static void infer(Set<String> actions, Map<String, ProbeOutcome> verdicts, String action, String from,
            String why) {
        if (actions.contains(action) && !verdicts.containsKey(action) && verdicts.containsKey(from)) {
            verdicts.put(action, new ProbeOutcome(verdicts.get(from).verdict(), why + " (" + verdicts.get(from).evidence() + ")"));
        }
    }

    private String firstApplicationByListing(Prober prober, String org) throws InterruptedException {
        Prober.Result list = prober.probe(ActionProbes.forAction("application:list", org, null, null).orElseThrow());
        return firstId(list, "application_id");
    }

    private static String firstId(Prober.Result result, String field) {
        if (result == null || result.response() == null || !result.response().isSuccess()) {
            return null;
        }
        return result.response().json()
                .filter(JsonNode::isArray)
                .filter(a -> !a.isEmpty())
                .map(a -> a.get(0).path(field).asText(null))
                .orElse(null);
    }

    private boolean isOrganizationAction(String action) {
        return organizationActions.contains(action);
    }

    private static String revoked(ProbeOutcome outcome) {
        return "Hook0 refuses the token itself (" + outcome.evidence() + "): it was revoked, or belongs to another"
                + " Hook0 instance than HOOK0_API_URL. Create or attenuate a new token in Service Tokens";
    }

    /**
     * What {@code GET /api/v1/instance} told: whether anything answered, the Biscuit public key, and — when the
     * answer is not Hook0's — why HOOK0_API_URL is not a Hook0 API (null when it is, or when it cannot be told).
     */
    private record Instance(boolean reachable, Optional<String> key, String notHook0) {}

    private Instance instance(List<String> notes) {
        Hook0Response r;
        try {
            r = client.send(Hook0Request.get(List.of("api", "v1", "instance"), List.of()), null);
        } catch (Hook0TransportException e) {
            notes.add("Hook0 is not reachable (" + e.getMessage() + "): every tool the token's own text allows is"
                    + " offered, and Hook0 still enforces each call");
            return new Instance(false, Optional.empty(), null);
        }
        if (r.status() >= 500 || r.status() == 429) {
            notes.add("GET /api/v1/instance answered " + r.status() + " without a biscuit_public_key: the token's"
                    + " signature could not be checked");
            return new Instance(true, Optional.empty(), null);
        }
        Optional<JsonNode> json = r.json();
        Optional<String> key = r.isSuccess()
                ? json.filter(JsonNode::isObject).map(j -> j.path("biscuit_public_key"))
                        .filter(JsonNode::isTextual).map(JsonNode::asText).filter(k -> !k.isBlank())
                : Optional.empty();
        if (key.isPresent()) {
            return new Instance(true, key, null);
        }
        // Hook0 answers this public route 200 with its key; a web page, a login page or other JSON is not Hook0.
        String what = !r.isSuccess() ? r.status() + " (" + r.contentType() + ")"
                : json.isEmpty() ? r.status() + " with something that is not JSON (" + r.contentType() + ")"
                : r.status() + " with JSON that has no biscuit_public_key";
        String notHook0 = "HOOK0_API_URL " + client.apiUrl() + " is not a Hook0 API: GET /api/v1/instance answered "
                + what + ", where Hook0 answers 200 with its biscuit_public_key. Set HOOK0_API_URL to the Hook0"
                + " API's base URL (e.g. https://app.hook0.com), not a web page or a proxy's login page";
        notes.add(notHook0);
        return new Instance(true, Optional.empty(), notHook0);
    }
}
