package dev.hook0mcp.sandbox.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.biscuitsec.biscuit.datalog.Check;
import org.biscuitsec.biscuit.datalog.Predicate;
import org.biscuitsec.biscuit.datalog.Rule;
import org.biscuitsec.biscuit.datalog.Term;
import org.biscuitsec.biscuit.token.Biscuit;

/**
 * Works around biscuit-java 4.0.1's byte-string bug without patching it. {@code Term.Bytes.match}
 * compares arrays by reference, so a check such as {@code check if application_id(hex:…)} (exactly what
 * the Hook0 dashboard writes) never matches a fact built from a fresh array. The library hands the
 * arrays of a token's checks to the evaluator by reference, so an authorizer fact built from the
 * <em>same</em> array instance matches. This class collects those instances and returns the one equal to
 * a wanted value, falling back to the value itself.
 */
final class BytesInterner {

    private final List<byte[]> constants = new ArrayList<>();

    private BytesInterner() {
    }

    static BytesInterner of(Biscuit token) {
        BytesInterner interner = new BytesInterner();
        for (List<Check> block : token.checks()) {
            for (Check check : block) {
                for (Rule query : check.queries()) {
                    for (Predicate predicate : query.body()) {
                        for (Term term : predicate.terms()) {
                            if (term instanceof Term.Bytes bytes) {
                                interner.constants.add(bytes.value());
                            }
                        }
                    }
                }
            }
        }
        return interner;
    }

    byte[] intern(byte[] wanted) {
        for (byte[] constant : constants) {
            if (Arrays.equals(constant, wanted)) {
                return constant;
            }
        }
        return wanted;
    }
}
