package dev.hook0mcp.server.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The token fixtures {@code hook0-tokens.json}: Hook0 service tokens minted by Hook0's own Biscuit engine
 * (biscuit-auth 6), carried as test data in {@code server/src/test/resources/fixtures} (see its README).
 */
final class Fixtures {

    private static final String RESOURCE = "/fixtures/hook0-tokens.json";

    private static final JsonNode ROOT = load();

    private Fixtures() {
    }

    private static JsonNode load() {
        try (InputStream in = Fixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath (server/src/test/resources)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<String> tokenNames() {
        List<String> names = new ArrayList<>();
        ROOT.get("tokens").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String token(String name) {
        JsonNode entry = ROOT.get("tokens").get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no fixture token named " + name);
        }
        return entry.get("token").asText();
    }

    static Set<String> allowed(String name) {
        Set<String> allowed = new LinkedHashSet<>();
        ROOT.get("tokens").get(name).get("allowed").forEach(node -> allowed.add(node.asText()));
        return allowed;
    }

    /** The Datalog source of each block of a fixture token, as Hook0's engine printed it. */
    static List<String> blocks(String name) {
        List<String> blocks = new ArrayList<>();
        ROOT.get("tokens").get(name).get("blocks").forEach(node -> blocks.add(node.asText()));
        return blocks;
    }

    static String publicKey() {
        return ROOT.get("biscuit_public_key").asText();
    }

    static UUID organizationId() {
        return UUID.fromString(ROOT.get("organization_id").asText());
    }

    static UUID applicationId() {
        return UUID.fromString(ROOT.get("application_id").asText());
    }
}
