package dev.hook0mcp.server.token;

import java.util.List;

/**
 * The small, library-independent Datalog model the reader works on: just enough of a Biscuit block to recognise
 * the checks Hook0's dashboard and our sandbox write. Symbols are already resolved to strings; variables keep
 * their raw ids (only their identity matters).
 */
final class Datalog {

    private Datalog() {
    }

    sealed interface Term permits Variable, Str, Bytes, Date, Int, Bool, Collection, Unsupported {
    }

    record Variable(long id) implements Term {
    }

    record Str(String value) implements Term {
    }

    /** A byte string; {@code value} is owned by this record, never modified. */
    record Bytes(byte[] value) implements Term {
    }

    /** Seconds since the epoch as an unsigned 64-bit number (a negative {@code long} is a date past 2^63 s). */
    record Date(long epochSeconds) implements Term {
    }

    record Int(long value) implements Term {
    }

    record Bool(boolean value) implements Term {
    }

    /** A Datalog set {@code {..}} or a Datalog 3.3 array {@code [..]}. */
    record Collection(boolean array, List<Term> elements) implements Term {
    }

    /** A term this reader does not model (Datalog 3.3 null or map, or a kind from a later version). */
    record Unsupported(String what) implements Term {
    }

    record Predicate(String name, List<Term> terms) {
    }

    sealed interface Op permits Value, Unary, Binary, OtherOp {
    }

    record Value(Term term) implements Op {
    }

    record Unary(int kind) implements Op {
    }

    /** {@code kind} is the raw {@code OpBinary.Kind} number (unknown kinds included). */
    record Binary(int kind) implements Op {
    }

    /** An operation this reader does not model (Datalog 3.3 closures, or a later kind). */
    record OtherOp() implements Op {
    }

    record Expression(List<Op> ops) {
    }

    record Query(List<Predicate> body, List<Expression> expressions) {
    }

    /** {@code kind} is the raw {@code CheckV2.Kind} number: see {@link BiscuitDecoder} for the values. */
    record Check(int kind, List<Query> queries) {
    }

    record Block(List<Predicate> facts, int ruleCount, List<Check> checks) {
    }
}
