package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.config.ExitStatus;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.access.ProbeBudgets;
import dev.hook0mcp.server.access.Ticker;
import dev.hook0mcp.server.access.AccessReport;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigException;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.access.ToolSelection;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.logging.SecretRedactor;
import dev.hook0mcp.server.token.TokenBytes;
import dev.hook0mcp.server.token.TokenFacts;
import dev.hook0mcp.server.token.TokenFormatException;
import dev.hook0mcp.server.token.TokenReader;
import dev.hook0mcp.server.token.TokenText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hook0-mcp attenuate}: reads a token (environment, file or stdin — never an argument), appends one block
 * of restrictions offline, inspects the result as {@code check} does (offline read, probes when Hook0 answers),
 * tells on stderr what the new token may do, and prints only the new token on stdout.
 * Exit status: 0 printed, 1 the new token is unusable (e.g. its root was revoked), 2 bad input.
 */
public final class AttenuateCommand {

    public static final String NAME = "attenuate";

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public AttenuateCommand(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @param args the arguments after {@code attenuate} */
    public int run(List<String> args) {
        try {
            AttenuateOptions options = AttenuateOptions.parse(args, Instant.now());
            if (options.help()) {
                stdout.print(AttenuateOptions.HELP);
                return ExitStatus.OK;
            }
            Config config = new ConfigParser(env, false).parse(options.serverArgs().toArray(String[]::new));
            if (config.command() != Config.Command.SERVE || config.sandbox()) {
                throw new ConfigException("attenuate takes --application, --expires, --read-only, --allow,"
                        + " --api-url, --api-token-file and --timeout (see attenuate --help)");
            }
            String token = config.hasToken() ? config.token() : readStdin();
            SecretRedactor.remember(token);
            TokenFacts given = readGiven(token);
            refuseContradiction(given, options.block());
            String narrowed = BlockAppender.append(TokenBytes.decode(token), options.block());
            SecretRedactor.remember(narrowed);
            warnAboutExistingAllowList(given, options.block());

            ToolCatalog catalog = ToolCatalog.standard();
            AccessInspector inspector = new AccessInspector(catalog, ToolSelection.of(config, catalog),
                    new Hook0Client(config.apiUrl(), config.timeout()), new ProbeBudgets(!config.unpacedProbes(), Ticker.SYSTEM));
            AccessReport report = inspector.inspect(narrowed);
            AccessSummary.print(report.tokenInfo(), options.block(), config.apiUrl(), stderr);
            if (report.problem() != null) {
                stderr.println("hook0-mcp attenuate: the new token is not usable, so it is not printed: "
                        + report.problem());
                return ExitStatus.FAILED;
            }
            stdout.println(narrowed);
            stdout.flush();
            return ExitStatus.OK;
        } catch (ConfigException e) {
            stderr.println("hook0-mcp attenuate: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (TokenFormatException e) {
            stderr.println("hook0-mcp attenuate: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }

    private String readStdin() {
        stderr.println("hook0-mcp attenuate: reading the token from stdin (HOOK0_API_TOKEN and"
                + " HOOK0_API_TOKEN_FILE are not set)");
        byte[] bytes;
        try {
            bytes = stdin.readNBytes(TokenText.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException("cannot read the token from stdin: " + e.getClass().getSimpleName());
        }
        if (bytes.length > TokenText.MAX_BYTES) {
            throw new ConfigException("stdin holds more than " + TokenText.MAX_BYTES + " bytes: not a token");
        }
        String token = TokenText.normalize(new String(bytes, StandardCharsets.UTF_8));
        if (token == null) {
            throw new ConfigException("no token: set HOOK0_API_TOKEN, name a file with --api-token-file, or pipe"
                    + " the token into stdin");
        }
        return token;
    }

    private static TokenFacts readGiven(String token) throws TokenFormatException {
        try {
            return TokenReader.read(token);
        } catch (TokenFormatException e) {
            throw new TokenFormatException("the given token cannot be read as a Hook0 service token: "
                    + e.getMessage());
        }
    }

    /** Two different applications leave a token that can do nothing at all: certainly not what was meant. */
    private static void refuseContradiction(TokenFacts given, AttenuationBlock block) {
        if (block.application().isPresent() && !given.applicationIds().isEmpty()
                && !given.applicationIds().equals(List.of(block.application().get()))) {
            throw new ConfigException("the token is already restricted to application " + given.applicationIds()
                    + "; restricting it to " + block.application().get() + " as well would leave it no action");
        }
    }

    private void warnAboutExistingAllowList(TokenFacts given, AttenuationBlock block) {
        if (given.actionAllowList().isEmpty() || block.actions().isEmpty()) {
            return;
        }
        Set<String> lost = new TreeSet<>(block.actions().get());
        lost.removeAll(given.actionAllowList().get());
        if (!lost.isEmpty()) {
            stderr.println("hook0-mcp attenuate: note: the token's existing allow-list does not include "
                    + String.join(", ", lost) + ", so the new token cannot do that either (restrictions add up)");
        }
    }
}
