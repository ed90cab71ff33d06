package dev.hook0mcp.server.token;

import biscuit.format.schema.Schema;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Biscuit's blocks straight from its protobuf, whatever Datalog version they use, without checking
 * signatures.
 *
 * <p>It uses the protobuf classes generated from biscuit-java 4.0.1's {@code schema.proto}. That schema predates
 * Datalog 3.3, so what it does not know lands in protobuf's unknown fields, which this class reads itself, using
 * the field numbers of the current Biscuit {@code schema.proto} (biscuit-auth 6):
 * <ul>
 *   <li>{@code TermV2}: {@code null = 8} (Empty), {@code array = 9} ({@code Array { repeated TermV2 array = 1; }}),
 *       {@code map = 10}. An {@code Array} has the same wire shape as {@code TermSet { repeated TermV2 set = 1; }},
 *       so it is parsed with {@code Schema.TermSet}.</li>
 *   <li>{@code Op}: {@code closure = 4}.</li>
 *   <li>Enums of a proto2 message keep values they do not know in the unknown fields as well:
 *       {@code CheckV2.kind = 2} ({@code One = 0, All = 1, Reject = 2}), {@code OpBinary.kind = 1}
 *       (3.3 adds {@code HeterogeneousEqual = 21} and others), {@code OpUnary.kind = 1}.</li>
 * </ul>
 * Blocks are therefore parsed <em>partially</em> (no required-field check): biscuit-auth 6 writes {@code ==} as
 * {@code HeterogeneousEqual}, which this schema cannot name, so a strict parse would reject ordinary tokens.
 * Symbols follow Biscuit v3: one table shared by the authority block and the first-party blocks; a third-party
 * block (one with an {@code externalSignature}) reads its symbols from its own table.
 */
final class BiscuitDecoder {

    static final int CHECK_ONE = 0;
    static final int CHECK_ALL = 1;
    static final int CHECK_REJECT = 2;

    static final int MIN_BLOCK_VERSION = 3;
    static final int MAX_BLOCK_VERSION = 6;

    private static final int TERM_NULL = 8;
    private static final int TERM_ARRAY = 9;
    private static final int TERM_MAP = 10;
    private static final int ENUM_KIND_FIELD_OF_CHECK = 2;
    private static final int ENUM_KIND_FIELD_OF_OP = 1;

    private BiscuitDecoder() {
    }

    /**
     * The revocation id of the authority block: the hex of its signature, shared by the root token and all its
     * attenuations. Call after {@link #decode} accepted the bytes.
     */
    static String authorityRevocationId(byte[] token) throws TokenFormatException {
        try {
            byte[] signature = Schema.Biscuit.parseFrom(token).getAuthority().getSignature().toByteArray();
            return java.util.HexFormat.of().formatHex(signature);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new TokenFormatException("not a Biscuit token (the decoded bytes are not a Biscuit protobuf message)");
        }
    }

    /** The blocks of the token, authority block first. */
    static List<Datalog.Block> decode(byte[] token) throws TokenFormatException {
        Schema.Biscuit biscuit;
        try {
            biscuit = Schema.Biscuit.parseFrom(token);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new TokenFormatException("not a Biscuit token (the decoded bytes are not a Biscuit protobuf message)");
        }
        if (biscuit.getAuthority().hasExternalSignature()) {
            throw new TokenFormatException("not a readable Biscuit token: the authority block has an external signature");
        }
        List<Schema.SignedBlock> signed = new ArrayList<>();
        signed.add(biscuit.getAuthority());
        signed.addAll(biscuit.getBlocksList());

        Symbols shared = new Symbols();
        List<Datalog.Block> blocks = new ArrayList<>();
        for (int i = 0; i < signed.size(); i++) {
            Schema.SignedBlock signedBlock = signed.get(i);
            Schema.Block block = parseBlock(signedBlock.getBlock(), i);
            Symbols symbols;
            if (signedBlock.hasExternalSignature()) {
                symbols = new Symbols();
            } else {
                symbols = shared;
            }
            symbols.append(block.getSymbolsList());
            blocks.add(new BlockReader(symbols, i).block(block));
        }
        return blocks;
    }

    private static Schema.Block parseBlock(ByteString bytes, int index) throws TokenFormatException {
        Schema.Block block;
        try {
            // Partial: Datalog 3.3 enum values (e.g. `==` is HeterogeneousEqual = 21) are unknown to this schema,
            // so protobuf-java files them as unknown fields and would then report the required `kind` missing.
            block = Schema.Block.parser().parsePartialFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new TokenFormatException("not a readable Biscuit token: block " + index + " is not a valid Biscuit block");
        }
        int version = block.hasVersion() ? block.getVersion() : 0;
        if (version < MIN_BLOCK_VERSION || version > MAX_BLOCK_VERSION) {
            throw new TokenFormatException("not a readable Biscuit token: block " + index + " has format version "
                    + version + " (this reader knows versions " + MIN_BLOCK_VERSION + " to " + MAX_BLOCK_VERSION + ")");
        }
        return block;
    }

    /** The raw number of a proto2 enum field, including values the generated code does not know. */
    private static int rawEnum(boolean known, int knownNumber, UnknownFieldSet unknown, int field, int absent) {
        if (known) {
            return knownNumber;
        }
        if (unknown.hasField(field)) {
            List<Long> values = unknown.getField(field).getVarintList();
            if (!values.isEmpty()) {
                long value = values.get(values.size() - 1);
                return value >= 0 && value <= Integer.MAX_VALUE ? (int) value : -1;
            }
        }
        return absent;
    }

    /** Converts one block's protobuf into the {@link Datalog} model, resolving symbols. */
    private record BlockReader(Symbols symbols, int index) {

        Datalog.Block block(Schema.Block block) throws TokenFormatException {
            List<Datalog.Predicate> facts = new ArrayList<>();
            for (Schema.FactV2 fact : block.getFactsV2List()) {
                facts.add(predicate(fact.getPredicate()));
            }
            List<Datalog.Check> checks = new ArrayList<>();
            for (Schema.CheckV2 check : block.getChecksV2List()) {
                checks.add(check(check));
            }
            return new Datalog.Block(facts, block.getRulesV2Count(), checks);
        }

        private Datalog.Check check(Schema.CheckV2 check) throws TokenFormatException {
            int kind = rawEnum(check.hasKind(), check.getKind().getNumber(), check.getUnknownFields(),
                    ENUM_KIND_FIELD_OF_CHECK, CHECK_ONE);
            List<Datalog.Query> queries = new ArrayList<>();
            for (Schema.RuleV2 rule : check.getQueriesList()) {
                List<Datalog.Predicate> body = new ArrayList<>();
                for (Schema.PredicateV2 predicate : rule.getBodyList()) {
                    body.add(predicate(predicate));
                }
                List<Datalog.Expression> expressions = new ArrayList<>();
                for (Schema.ExpressionV2 expression : rule.getExpressionsList()) {
                    List<Datalog.Op> ops = new ArrayList<>();
                    for (Schema.Op op : expression.getOpsList()) {
                        ops.add(op(op));
                    }
                    expressions.add(new Datalog.Expression(ops));
                }
                queries.add(new Datalog.Query(body, expressions));
            }
            return new Datalog.Check(kind, queries);
        }

        private Datalog.Op op(Schema.Op op) throws TokenFormatException {
            switch (op.getContentCase()) {
                case VALUE:
                    return new Datalog.Value(term(op.getValue()));
                case UNARY: {
                    Schema.OpUnary unary = op.getUnary();
                    return new Datalog.Unary(rawEnum(unary.hasKind(), unary.getKind().getNumber(),
                            unary.getUnknownFields(), ENUM_KIND_FIELD_OF_OP, -1));
                }
                case BINARY: {
                    Schema.OpBinary binary = op.getBinary();
                    return new Datalog.Binary(rawEnum(binary.hasKind(), binary.getKind().getNumber(),
                            binary.getUnknownFields(), ENUM_KIND_FIELD_OF_OP, -1));
                }
                default:
                    return new Datalog.OtherOp();
            }
        }

        private Datalog.Predicate predicate(Schema.PredicateV2 predicate) throws TokenFormatException {
            List<Datalog.Term> terms = new ArrayList<>();
            for (Schema.TermV2 term : predicate.getTermsList()) {
                terms.add(term(term));
            }
            return new Datalog.Predicate(symbols.get(predicate.getName(), index), terms);
        }

        private List<Datalog.Term> terms(List<Schema.TermV2> terms) throws TokenFormatException {
            List<Datalog.Term> out = new ArrayList<>();
            for (Schema.TermV2 term : terms) {
                out.add(term(term));
            }
            return out;
        }

        private Datalog.Term term(Schema.TermV2 term) throws TokenFormatException {
            switch (term.getContentCase()) {
                case VARIABLE:
                    return new Datalog.Variable(Integer.toUnsignedLong(term.getVariable()));
                case INTEGER:
                    return new Datalog.Int(term.getInteger());
                case STRING:
                    return new Datalog.Str(symbols.get(term.getString(), index));
                case DATE:
                    return new Datalog.Date(term.getDate());
                case BYTES:
                    return new Datalog.Bytes(term.getBytes().toByteArray());
                case BOOL:
                    return new Datalog.Bool(term.getBool());
                case SET:
                    return new Datalog.Collection(false, terms(term.getSet().getSetList()));
                default:
                    return datalog33Term(term.getUnknownFields());
            }
        }

        private Datalog.Term datalog33Term(UnknownFieldSet unknown) throws TokenFormatException {
            if (unknown.hasField(TERM_ARRAY)) {
                List<ByteString> encoded = unknown.getField(TERM_ARRAY).getLengthDelimitedList();
                if (encoded.isEmpty()) {
                    return new Datalog.Unsupported("array of unexpected wire type");
                }
                Schema.TermSet array;
                try {
                    array = Schema.TermSet.parser().parsePartialFrom(encoded.get(encoded.size() - 1));
                } catch (InvalidProtocolBufferException e) {
                    throw new TokenFormatException(
                            "not a readable Biscuit token: block " + index + " holds a malformed array term");
                }
                return new Datalog.Collection(true, terms(array.getSetList()));
            }
            if (unknown.hasField(TERM_MAP)) {
                return new Datalog.Unsupported("map");
            }
            if (unknown.hasField(TERM_NULL)) {
                return new Datalog.Unsupported("null");
            }
            return new Datalog.Unsupported("unknown term kind");
        }
    }
}
