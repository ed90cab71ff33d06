package dev.hook0mcp.server.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the real tokens Hook0's own engine made (see {@code fixtures/README.md}). */
class FixtureTokensTest {

    private static final Instant Y2099 = Instant.parse("2099-01-01T00:00:00Z");
    private static final Instant Y2020 = Instant.parse("2020-01-01T00:00:00Z");

    static List<String> tokenNames() {
        return Fixtures.tokenNames();
    }

    private static TokenFacts read(String name) throws TokenFormatException {
        return TokenReader.read(Fixtures.token(name));
    }

    @Test
    void fixtureHoldsTheSevenTokens() {
        assertEquals(Set.of("root", "app", "app_expiring", "expired", "readonly", "read_ingest", "app_readonly"),
                Set.copyOf(tokenNames()));
    }

    @Test
    void rootTokenIsUnrestricted() throws Exception {
        TokenFacts facts = read("root");
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals("service_access", facts.tokenType());
        assertEquals(1, facts.version());
        assertEquals(0, facts.attenuationBlocks());
        assertFalse(facts.isAttenuated());
        assertEquals(List.of(), facts.applicationIds());
        assertEquals(Optional.empty(), facts.applicationRestriction());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(Optional.empty(), facts.actionAllowList());
        assertTrue(TokenReader.libraryCanParse(Fixtures.token("root")));
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void dashboardApplicationToken() throws Exception {
        TokenFacts facts = read("app");
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals(Optional.of(Fixtures.applicationId()), facts.applicationRestriction());
        assertEquals(List.of(Fixtures.applicationId()), facts.applicationIds());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(Optional.empty(), facts.actionAllowList());
        assertTrue(TokenReader.libraryCanParse(Fixtures.token("app")));
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void dashboardApplicationWithExpiry() throws Exception {
        TokenFacts facts = read("app_expiring");
        assertEquals(Optional.of(Fixtures.applicationId()), facts.applicationRestriction());
        assertEquals(Optional.of(Y2099), facts.expiresAt());
        assertFalse(facts.isExpired(Instant.parse("2098-12-31T23:59:59Z")));
        assertTrue(facts.isExpired(Y2099));
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(Optional.empty(), facts.actionAllowList());
        assertTrue(TokenReader.libraryCanParse(Fixtures.token("app_expiring")));
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void expiredToken() throws Exception {
        TokenFacts facts = read("expired");
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals(Optional.empty(), facts.applicationRestriction());
        assertEquals(Optional.of(Y2020), facts.expiresAt());
        assertTrue(facts.isExpired(Instant.now()));
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(Optional.empty(), facts.actionAllowList());
        assertTrue(TokenReader.libraryCanParse(Fixtures.token("expired")));
    }

    @Test
    void documentedReadOnlyClaimIsAnArrayTheLibraryCannotParse() throws Exception {
        TokenFacts facts = read("readonly");
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals(Optional.empty(), facts.applicationRestriction());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(Optional.of(Fixtures.allowed("readonly")), facts.actionAllowList());
        assertEquals(Fixtures.allowed("readonly"), facts.actionAllowList().orElseThrow());
        assertTrue(facts.allowListPermits("event:list"));
        assertFalse(facts.allowListPermits("event:ingest"));
        assertFalse(TokenReader.libraryCanParse(Fixtures.token("readonly")));
        assertEquals(0, facts.unrecognizedStatements());
    }

    @Test
    void readOnlyPlusIngest() throws Exception {
        TokenFacts facts = read("read_ingest");
        Set<String> expected = new LinkedHashSet<>(Fixtures.allowed("readonly"));
        expected.add("event:ingest");
        assertEquals(Optional.of(expected), facts.actionAllowList());
        assertEquals(Fixtures.allowed("read_ingest"), facts.actionAllowList().orElseThrow());
        assertEquals(Optional.empty(), facts.applicationRestriction());
        assertEquals(Optional.empty(), facts.expiresAt());
        assertEquals(1, facts.attenuationBlocks());
        assertFalse(TokenReader.libraryCanParse(Fixtures.token("read_ingest")));
    }

    @Test
    void applicationExpiryAndReadOnlyInOneAdvancedBlock() throws Exception {
        TokenFacts facts = read("app_readonly");
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals(Optional.of(Fixtures.applicationId()), facts.applicationRestriction());
        assertEquals(Optional.of(Y2099), facts.expiresAt());
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(Optional.of(Fixtures.allowed("readonly")), facts.actionAllowList());
        assertFalse(TokenReader.libraryCanParse(Fixtures.token("app_readonly")));
        assertEquals(0, facts.unrecognizedStatements());
    }

    @ParameterizedTest
    @MethodSource("tokenNames")
    void everyFixtureNamesTheOrganizationAndNeverShowsTheToken(String name) throws Exception {
        String token = Fixtures.token(name);
        TokenFacts facts = TokenReader.read(token);
        assertEquals(Fixtures.organizationId(), facts.organizationId());
        assertEquals("service_access", facts.tokenType());
        assertEquals(1, facts.version());
        String text = facts.toString();
        assertFalse(text.contains(token), "toString must not contain the token");
        assertFalse(text.contains(token.substring(0, 24)), "toString must not contain part of the token");
    }
}
