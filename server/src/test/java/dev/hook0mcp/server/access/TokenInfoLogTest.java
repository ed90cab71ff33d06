package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hook0mcp.server.access.AccessReport.Mode;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class TokenInfoLogTest {

    /** A logger that keeps its warn lines (the message with its one argument filled in). */
    private static Logger recording(List<String> warnings) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn") && args.length == 2) {
                        warnings.add(String.valueOf(args[1]));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    private static TokenInfo rootToken(UUID organization) {
        return new TokenInfo(Optional.of(organization), Optional.empty(), Optional.empty(), 1, Optional.empty(),
                new SignatureCheck(SignatureStatus.VERIFIED, "signed by the instance's key"), Mode.FULL,
                Optional.empty(), true, Optional.empty(), List.of(), List.of(), false,
                Optional.of("This is a root service token of " + organization));
    }

    @Test
    void theRootTokenNudgeFollowsTheFirstDecisionOnly() {
        List<String> warnings = new ArrayList<>();
        Logger log = recording(warnings);
        UUID organization = UUID.randomUUID();

        TokenInfoLog.log(rootToken(organization), log, true); // a start
        TokenInfoLog.log(rootToken(organization), log, false); // its probes asked again, or a second HTTP caller

        assertEquals(List.of("This is a root service token of " + organization), warnings);
    }
}
