package dev.hook0mcp.server.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.biscuitsec.biscuit.token.UnverifiedBiscuit;

/**
 * Reads what a Hook0 service token says about itself, offline: organization, application restriction, expiry,
 * action allow-list. It checks no signature (see {@link TokenSignature}) and evaluates nothing.
 *
 * <p>Every token is read the same way, by walking its protobuf ({@link BiscuitDecoder}), because biscuit-java
 * 4.0.1 cannot deserialize Datalog 3.3 arrays, which the documented read-only claim uses. The library is only
 * asked whether it <em>could</em> parse the token ({@link #libraryCanParse}) by tests that document that limit:
 * nothing in production needs the answer, so start-up does not pay for a second full parse.
 */
public final class TokenReader {

    private TokenReader() {
    }

    /**
     * @param token the token as given: surrounding whitespace and a leading {@code Bearer } are ignored; URL-safe
     *              or standard base64, padded or not.
     * @throws TokenFormatException with a message naming the cause (never the token) when the text is not a
     *                              Biscuit, or not a Hook0 service token.
     */
    public static TokenFacts read(String token) throws TokenFormatException {
        byte[] bytes = TokenBytes.decode(token);
        List<Datalog.Block> blocks = BiscuitDecoder.decode(bytes);
        Datalog.Block authority = blocks.get(0);
        UUID organization = organization(authority);
        String type = single(authority, "type", Datalog.Str.class)
                .orElseThrow(() -> new TokenFormatException(
                        "not a Hook0 service token: no type fact in the authority block"))
                .value();
        long version = single(authority, "version", Datalog.Int.class)
                .orElseThrow(() -> new TokenFormatException(
                        "not a Hook0 service token: no version fact in the authority block"))
                .value();
        Restrictions restrictions = Restrictions.of(blocks);
        return new TokenFacts(
                organization,
                restrictions.applicationIds(),
                restrictions.expiresAt(),
                blocks.size() - 1,
                restrictions.actionAllowList(),
                type,
                version,
                restrictions.unrecognized(),
                BiscuitDecoder.authorityRevocationId(bytes));
    }

    private static UUID organization(Datalog.Block authority) throws TokenFormatException {
        List<Datalog.Predicate> facts = facts(authority, "organization_id");
        if (facts.isEmpty()) {
            throw new TokenFormatException(
                    "not a Hook0 service token: no organization_id fact in the authority block");
        }
        if (facts.size() > 1) {
            throw new TokenFormatException(
                    "not a Hook0 service token: several organization_id facts in the authority block");
        }
        Datalog.Predicate fact = facts.get(0);
        Optional<UUID> id = fact.terms().size() == 1 ? CheckRecognizer.uuid(fact.terms().get(0)) : Optional.empty();
        return id.orElseThrow(() -> new TokenFormatException(
                "not a Hook0 service token: organization_id in the authority block is not a 16-byte UUID"));
    }

    /** The only term of the only {@code name(..)} fact, when it has the expected type. */
    private static <T extends Datalog.Term> Optional<T> single(Datalog.Block block, String name, Class<T> type)
            throws TokenFormatException {
        List<Datalog.Predicate> facts = facts(block, name);
        if (facts.size() > 1) {
            throw new TokenFormatException(
                    "not a Hook0 service token: several " + name + " facts in the authority block");
        }
        if (facts.isEmpty() || facts.get(0).terms().size() != 1 || !type.isInstance(facts.get(0).terms().get(0))) {
            return Optional.empty();
        }
        return Optional.of(type.cast(facts.get(0).terms().get(0)));
    }

    private static List<Datalog.Predicate> facts(Datalog.Block block, String name) {
        List<Datalog.Predicate> found = new ArrayList<>();
        for (Datalog.Predicate fact : block.facts()) {
            if (fact.name().equals(name)) {
                found.add(fact);
            }
        }
        return found;
    }

    /** Whether biscuit-java 4.0.1 can deserialize the token (it cannot when a block uses Datalog 3.3 arrays or maps). */
    static boolean libraryCanParse(String token) {
        try {
            UnverifiedBiscuit.from_bytes(TokenBytes.decode(token));
            return true;
        } catch (org.biscuitsec.biscuit.error.Error | TokenFormatException | RuntimeException e) {
            return false;
        }
    }
}
