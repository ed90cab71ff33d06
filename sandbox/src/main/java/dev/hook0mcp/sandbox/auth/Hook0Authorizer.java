package dev.hook0mcp.sandbox.auth;

import dev.hook0mcp.catalog.Hook0Action;
import dev.hook0mcp.sandbox.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.biscuitsec.biscuit.datalog.RunLimits;
import org.biscuitsec.biscuit.error.Error;
import org.biscuitsec.biscuit.token.Authorizer;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import org.biscuitsec.biscuit.token.Policy;
import org.biscuitsec.biscuit.token.builder.Check;
import org.biscuitsec.biscuit.token.builder.Rule;
import org.biscuitsec.biscuit.token.builder.parser.Parser;
import org.biscuitsec.biscuit.token.Biscuit;
import org.biscuitsec.biscuit.token.builder.Term;
import org.biscuitsec.biscuit.token.builder.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hook0's authorizer ({@code iam.rs::authorize}) for the sandbox, in forms biscuit-java 4.0.1 evaluates
 * correctly: the array {@code ["master_access", …]} is written as a set literal (biscuit-java's
 * {@code [..]} syntax is a set), and the organization check compares bytes with {@code ==} instead of a
 * byte constant in a predicate. Token checks of the dashboard's form are handled by {@link BytesInterner}.
 * Not reproduced: the {@code labels(<map>)} fact of subscription:create (biscuit-java 4.0.1 has no map
 * terms); it only matters to custom claims that mention labels.
 */
public final class Hook0Authorizer {

    private static final Logger LOG = LoggerFactory.getLogger(Hook0Authorizer.class);

    /** Verdict of one authorization. */
    public enum Decision { ALLOWED, DENIED, TIMED_OUT }

    /** An action's extra fact: {@code subscription_id(<bytes>)} or {@code event_type_names(<set>)}. */
    public record ExtraFact(String name, Object value) {

        public static ExtraFact bytes(String name, UUID value) {
            return new ExtraFact(name, value);
        }

        public static ExtraFact stringSet(String name, Set<String> value) {
            return new ExtraFact(name, Set.copyOf(value));
        }
    }

    private final RunLimits limits;
    private final Supplier<Instant> now;

    /**
     * @param maxTime Hook0 uses 30 ms; the sandbox allows more, so a cold JVM does not answer 503.
     */
    public Hook0Authorizer(Duration maxTime, Supplier<Instant> now) {
        this.limits = new RunLimits(1000, 100, maxTime);
        this.now = now;
    }

    /**
     * @param organizationId the organization the request is about; {@code null} for organization:list
     * @param applicationId  added as {@code application_id} only when the action is application-scoped
     */
    public Decision authorize(Biscuit token, Action action, UUID organizationId, UUID applicationId,
                              List<ExtraFact> extraFacts) {
        try {
            Authorizer authorizer = token.authorizer();
            BytesInterner interner = BytesInterner.of(token);
            addAlwaysRules(authorizer);
            if (organizationId != null) {
                addOrganizationRules(authorizer, organizationId);
            }
            authorizer.add_fact(Utils.fact("time", List.of(Utils.date(Date.from(now.get())))));
            for (ExtraFact extra : extraFacts) {
                authorizer.add_fact(Utils.fact(extra.name(), List.of(term(extra.value(), interner))));
            }
            authorizer.add_fact(Utils.fact("action", List.of(Utils.string(action.actionName()))));
            if (action.scope() == Hook0Action.Scope.APPLICATION && applicationId != null) {
                authorizer.add_fact(Utils.fact("application_id", List.of(bytes(applicationId, interner))));
            }
            authorizer.add_fact(Utils.fact("allowed_role", List.of(Utils.string("editor"))));
            if (action.viewerAllowed()) {
                authorizer.add_fact(Utils.fact("allowed_role", List.of(Utils.string("viewer"))));
            }
            authorizer.add_policy(ALLOW);
            authorizer.authorize(limits);
            return Decision.ALLOWED;
        } catch (Error.Timeout e) {
            return Decision.TIMED_OUT;
        } catch (Error e) {
            LOG.debug("denied {}: {}", action.actionName(), e);
            return Decision.DENIED;
        }
    }

    // Hook0's fixed statements, parsed once: the parser was a tenth of a request's CPU, and a parsed statement is
    // never changed by an authorizer (each converts a copy).
    private static final List<Rule> ALWAYS_RULES = List.of(
            rule("valid_type($t) <- type($t), [\"master_access\", \"service_access\", \"user_access\"].contains($t)"),
            rule("valid_version($t, $v) <- type($t), version($v), supported_version($t, $v)"),
            rule("valid_version(\"master_access\", 0) <- type(\"master_access\")"),
            rule("expired($t) <- expired_at($exp), time($t), $exp < $t"));
    private static final List<Check> ALWAYS_CHECKS = List.of(
            check("check if valid_type($t)"),
            check("check if valid_version($t, $v)"));
    private static final List<String> ALWAYS_FACTS = List.of(
            "supported_version(\"service_access\", 1)",
            "supported_version(\"user_access\", 1)");
    private static final Policy DENY_EXPIRED = policy("deny if expired($t)");
    private static final Policy ALLOW = policy("allow if true");
    private static final List<Rule> ROLE_RULES = List.of(
            rule("role($r) <- type(\"user_access\"), organization_id($id), organization_role($id, $r)"),
            rule("valid_role($r) <- role($r), allowed_role($r)"),
            rule("valid_role(\"service\") <- type(\"service_access\")"),
            rule("valid_role(\"master\") <- type(\"master_access\")"));
    private static final Check VALID_ROLE = check("check if valid_role($r)");

    private static void addAlwaysRules(Authorizer a) throws Error {
        ALWAYS_RULES.forEach(a::add_rule);
        ALWAYS_CHECKS.forEach(a::add_check);
        for (String fact : ALWAYS_FACTS) {
            a.add_fact(fact);
        }
        a.add_policy(DENY_EXPIRED);
    }

    private static void addOrganizationRules(Authorizer a, UUID organizationId) throws Error {
        String org = "hex:" + Ids.hex(organizationId);
        a.add_rule("organization_id($id) <- type(\"user_access\"), organization_role($id, $r), $id == " + org);
        a.add_rule("organization_id(" + org + ") <- type(\"master_access\")");
        ROLE_RULES.forEach(a::add_rule);
        a.add_check(VALID_ROLE);
        a.add_check("check if organization_id($o), $o == " + org);
    }

    private static Rule rule(String text) {
        return parsed(Parser.rule(text), text);
    }

    private static Check check(String text) {
        return parsed(Parser.check(text), text);
    }

    private static Policy policy(String text) {
        return parsed(Parser.policy(text), text);
    }

    private static <T> T parsed(Either<org.biscuitsec.biscuit.token.builder.parser.Error, Tuple2<String, T>> result,
            String text) {
        if (result.isLeft()) {
            throw new IllegalStateException("cannot parse Hook0's statement " + text + ": " + result.getLeft());
        }
        return result.get()._2;
    }

    private static Term term(Object value, BytesInterner interner) {
        if (value instanceof UUID id) {
            return bytes(id, interner);
        }
        HashSet<Term> set = new HashSet<>();
        for (Object item : (Set<?>) value) {
            set.add(Utils.string((String) item));
        }
        return Utils.set(set);
    }

    private static Term bytes(UUID id, BytesInterner interner) {
        return new Term.Bytes(interner.intern(Ids.bytes(id)));
    }
}
