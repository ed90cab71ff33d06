package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.hook0.Hook0Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a start's access is ready: a token the probe cache remembers is ready at once, with nothing asked of Hook0
 * (so stdio skips its SDK warm-up, which would only repeat the real set-up); a first start is ready once probing
 * has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveAccessTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();
    private static final Logger LOG = LoggerFactory.getLogger(LiveAccessTest.class);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Sandbox sandbox;
    private AccessInspector inspector;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN",
                sandbox.rootToken())).parse(new String[0]);
        // under target/: a background re-probe may write its answer after the test
        Path cache = Files.createDirectories(Path.of("target", "live-access-test", UUID.randomUUID().toString()));
        inspector = new AccessInspector(CATALOG, ToolSelection.of(config, CATALOG),
                new Hook0Client(config.apiUrl(), config.timeout()), new ProbeBudgets(false, Ticker.SYSTEM),
                ProbeCache.in(cache, Duration.ofMinutes(10)));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void aFirstStartIsReadyOnceProbingHasEnded() {
        LiveAccess.Inspection first = LiveAccess.begin(inspector, sandbox.tokens().mintRoot(), LOG, WAIT);
        LiveAccess access = first.await();
        assertTrue(first.ready());
        assertEquals(CATALOG.tools().size(), access.surface().enabledNames().size());
    }

    @Test
    void aRememberedTokenIsReadyAtOnceWithoutAskingHook0() {
        String token = sandbox.tokens().mintRoot();
        LiveAccess.begin(inspector, token, LOG, WAIT).await(); // probes, and the cache remembers the answer
        sandbox.requestLog().clear();
        LiveAccess.Inspection second = LiveAccess.begin(inspector, token, LOG, WAIT);
        assertTrue(second.ready(), "nothing to wait for");
        assertEquals(List.of(), sandbox.requestLog().entries(), "no request before the tools are known");
        assertEquals(CATALOG.tools().size(), second.await().surface().enabledNames().size());
    }
}
