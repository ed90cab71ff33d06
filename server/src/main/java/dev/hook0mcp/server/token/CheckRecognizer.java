package dev.hook0mcp.server.token;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Says what one check means, when it has one of the shapes Hook0's dashboard, its documentation or our sandbox
 * write. Anything else (other predicates, extra expressions, {@code check all}, {@code reject if}, Datalog 3.3
 * closures...) is {@link Unrecognized}: the reader never guesses.
 *
 * <p>Recognised, for a {@code check if} with one query unless stated:
 * <ul>
 *   <li>application: {@code application_id(hex:X)}; {@code application_id($a), $a == hex:X} (or {@code hex:X == $a});</li>
 *   <li>expiry: {@code time($t), $t < D} / {@code $t <= D} (or {@code D > $t} / {@code D >= $t});</li>
 *   <li>actions: {@code action($a), [..].contains($a)} or {@code {..}.contains($a)} over strings;
 *       {@code action("x")}; {@code action($a), $a == "x"}; and several such queries joined by {@code or}
 *       (their union).</li>
 * </ul>
 * {@code ==} may be encoded as {@code Equal} (4, biscuit-java) or {@code HeterogeneousEqual} (21, Datalog 3.3).
 */
final class CheckRecognizer {

    sealed interface Meaning permits ApplicationRestriction, Expiry, ActionAllowList, Unrecognized {
    }

    record ApplicationRestriction(UUID applicationId) implements Meaning {
    }

    /** {@code rejectedFrom}: the first instant at which the check fails. */
    record Expiry(Instant rejectedFrom) implements Meaning {
    }

    record ActionAllowList(Set<String> actions) implements Meaning {
    }

    record Unrecognized() implements Meaning {
    }

    // OpBinary.Kind numbers (biscuit schema.proto).
    static final int LESS_THAN = 0;
    static final int GREATER_THAN = 1;
    static final int LESS_OR_EQUAL = 2;
    static final int GREATER_OR_EQUAL = 3;
    static final int EQUAL = 4;
    static final int CONTAINS = 5;
    static final int HETEROGENEOUS_EQUAL = 21;

    private static final Unrecognized UNRECOGNIZED = new Unrecognized();

    private CheckRecognizer() {
    }

    static Meaning classify(Datalog.Check check) {
        if (check.kind() != BiscuitDecoder.CHECK_ONE || check.queries().isEmpty()) {
            return UNRECOGNIZED;
        }
        if (check.queries().size() == 1) {
            Datalog.Query query = check.queries().get(0);
            Optional<Meaning> meaning = application(query)
                    .<Meaning>map(ApplicationRestriction::new)
                    .or(() -> expiry(query).map(Expiry::new))
                    .or(() -> actions(query).map(ActionAllowList::new));
            return meaning.orElse(UNRECOGNIZED);
        }
        Set<String> union = new LinkedHashSet<>();
        for (Datalog.Query query : check.queries()) {
            Optional<Set<String>> actions = actions(query);
            if (actions.isEmpty()) {
                return UNRECOGNIZED;
            }
            union.addAll(actions.get());
        }
        return new ActionAllowList(union);
    }

    private static Optional<UUID> application(Datalog.Query query) {
        Optional<Datalog.Term> argument = singleUnaryPredicate(query, "application_id");
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        if (query.expressions().isEmpty()) {
            return uuid(argument.get());
        }
        if (!(argument.get() instanceof Datalog.Variable variable)) {
            return Optional.empty();
        }
        return comparison(query).flatMap(c -> {
            if (!isEquality(c.kind())) {
                return Optional.empty();
            }
            if (variable.equals(c.left())) {
                return uuid(c.right());
            }
            if (variable.equals(c.right())) {
                return uuid(c.left());
            }
            return Optional.empty();
        });
    }

    private static Optional<Instant> expiry(Datalog.Query query) {
        Optional<Datalog.Term> argument = singleUnaryPredicate(query, "time");
        if (argument.isEmpty() || !(argument.get() instanceof Datalog.Variable variable)) {
            return Optional.empty();
        }
        return comparison(query).flatMap(c -> {
            if (variable.equals(c.left()) && c.right() instanceof Datalog.Date date) {
                if (c.kind() == LESS_THAN) {
                    return Optional.of(instant(date, 0));
                }
                if (c.kind() == LESS_OR_EQUAL) {
                    return Optional.of(instant(date, 1));
                }
            }
            if (variable.equals(c.right()) && c.left() instanceof Datalog.Date date) {
                if (c.kind() == GREATER_THAN) {
                    return Optional.of(instant(date, 0));
                }
                if (c.kind() == GREATER_OR_EQUAL) {
                    return Optional.of(instant(date, 1));
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Set<String>> actions(Datalog.Query query) {
        Optional<Datalog.Term> argument = singleUnaryPredicate(query, "action");
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        if (query.expressions().isEmpty()) {
            return argument.get() instanceof Datalog.Str action ? Optional.of(Set.of(action.value())) : Optional.empty();
        }
        if (!(argument.get() instanceof Datalog.Variable variable)) {
            return Optional.empty();
        }
        return comparison(query).flatMap(c -> {
            if (c.kind() == CONTAINS && variable.equals(c.right()) && c.left() instanceof Datalog.Collection list) {
                return strings(list.elements());
            }
            if (isEquality(c.kind())) {
                if (variable.equals(c.left()) && c.right() instanceof Datalog.Str action) {
                    return Optional.of(Set.of(action.value()));
                }
                if (variable.equals(c.right()) && c.left() instanceof Datalog.Str action) {
                    return Optional.of(Set.of(action.value()));
                }
            }
            return Optional.empty();
        });
    }

    /** The argument of the query's only body predicate, when that predicate is {@code name} with one term. */
    private static Optional<Datalog.Term> singleUnaryPredicate(Datalog.Query query, String name) {
        if (query.body().size() != 1) {
            return Optional.empty();
        }
        Datalog.Predicate predicate = query.body().get(0);
        if (!predicate.name().equals(name) || predicate.terms().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(predicate.terms().get(0));
    }

    /** {@code left OP right}: the query's only expression, when it is exactly {@code value, value, binary}. */
    private record Comparison(Datalog.Term left, int kind, Datalog.Term right) {
    }

    private static Optional<Comparison> comparison(Datalog.Query query) {
        if (query.expressions().size() != 1) {
            return Optional.empty();
        }
        List<Datalog.Op> ops = query.expressions().get(0).ops();
        if (ops.size() == 3
                && ops.get(0) instanceof Datalog.Value left
                && ops.get(1) instanceof Datalog.Value right
                && ops.get(2) instanceof Datalog.Binary binary) {
            return Optional.of(new Comparison(left.term(), binary.kind(), right.term()));
        }
        return Optional.empty();
    }

    private static boolean isEquality(int kind) {
        return kind == EQUAL || kind == HETEROGENEOUS_EQUAL;
    }

    /** Reads a 16-byte Biscuit byte string as a UUID (RFC 4122 byte order, as Hook0 writes it). */
    static Optional<UUID> uuid(Datalog.Term term) {
        if (term instanceof Datalog.Bytes bytes && bytes.value().length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.value());
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        }
        return Optional.empty();
    }

    private static Optional<Set<String>> strings(List<Datalog.Term> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (Datalog.Term term : terms) {
            if (!(term instanceof Datalog.Str s)) {
                return Optional.empty();
            }
            out.add(s.value());
        }
        return Optional.of(out);
    }

    /** The date plus {@code extraSeconds}, saturating at {@link Instant#MAX} (dates are unsigned 64-bit seconds). */
    private static Instant instant(Datalog.Date date, long extraSeconds) {
        long seconds = date.epochSeconds();
        long max = Instant.MAX.getEpochSecond();
        if (seconds < 0 || seconds > max - extraSeconds) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(seconds + extraSeconds);
    }
}
