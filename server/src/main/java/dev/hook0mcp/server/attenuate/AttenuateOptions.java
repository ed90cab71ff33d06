package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.server.config.ConfigException;
import dev.hook0mcp.server.token.TokenText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The command line of {@code hook0-mcp attenuate}: its own options, and the rest ({@code --api-url},
 * {@code --api-token-file}, {@code --timeout}) left for {@link dev.hook0mcp.server.config.ConfigParser}.
 *
 * @param block      what the appended block restricts
 * @param serverArgs the arguments that are not attenuate's own
 * @param help       --help was given
 */
public record AttenuateOptions(AttenuationBlock block, List<String> serverArgs, boolean help) {

    public static final String HELP = """
            Usage: java -jar hook0-mcp.jar attenuate [options] > narrower-token.txt

            Appends one block of restrictions to a Hook0 service token, offline, and prints ONLY the new token on
            stdout; what the new token may do goes to stderr. Restrictions only add up: the new token can never
            do more than the one it is made from.

            The token is read from HOOK0_API_TOKEN, from the file named by --api-token-file (HOOK0_API_TOKEN_FILE),
            or else from stdin; never from an argument.

            Restrictions (at least one):
              --application UUID     only this application (organization-level actions are then refused)
              --expires WHEN         refused from then on: 30d, 12h, 90m, 300s (at least 1m), or 2027-01-01T00:00:00Z
              --read-only            only the 15 actions of Hook0's documented read-only claim
              --allow ACTION,...     only these Hook0 actions (e.g. event:ingest); with --read-only: the claim
                                     plus these

            Also: --api-url URL (HOOK0_API_URL) to probe the new token against Hook0 when it is reachable,
            --timeout SECONDS, --help.

            Recipes (Hook0's own guidance):
              AI assistant:  attenuate --application <application-id> --expires 30d
              monitoring:    attenuate --read-only
              CI pipeline:   attenuate --application <application-id>
            """;

    /** @param now the present, for --expires durations */
    public static AttenuateOptions parse(List<String> args, Instant now) {
        UUID application = null;
        Instant expires = null;
        boolean readOnly = false;
        Set<String> allow = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return new AttenuateOptions(null, List.of(), true);
                }
                case "--read-only" -> {
                    if (value != null) {
                        throw new ConfigException("--read-only takes no value");
                    }
                    readOnly = true;
                }
                case "--application", "--expires", "--allow" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new ConfigException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (TokenText.looksLikeToken(value)) {
                        throw new ConfigException(name + " got something that looks like a token ("
                                + TokenText.NOT_SHOWN + "); pass the token in HOOK0_API_TOKEN, a file, or stdin");
                    }
                    switch (name) {
                        case "--application" -> application = application(value);
                        case "--expires" -> expires = ExpiryText.parse(value, now);
                        default -> allow = actions(value, allow);
                    }
                }
                default -> {
                    rest.add(arg);
                    if (name.equals(arg) && takesValue(arg) && i + 1 < args.size()) {
                        rest.add(args.get(++i));
                    }
                }
            }
        }
        Set<String> allowList = null;
        if (readOnly || allow != null) {
            allowList = new LinkedHashSet<>();
            if (readOnly) {
                allowList.addAll(Hook0Actions.standard().readOnlyClaim());
            }
            if (allow != null) {
                allowList.addAll(allow);
            }
        }
        if (application == null && expires == null && allowList == null) {
            throw new ConfigException("attenuate needs at least one restriction: --application, --expires,"
                    + " --read-only or --allow (see attenuate --help)");
        }
        return new AttenuateOptions(new AttenuationBlock(application, expires, allowList), List.copyOf(rest), false);
    }

    /** The server's options that take a value as the next argument; the rest is checked by ConfigParser. */
    private static boolean takesValue(String flag) {
        return dev.hook0mcp.server.config.ConfigParser.OPTIONS.stream()
                .anyMatch(o -> flag.equals(o.flag()) && o.takesValue());
    }

    private static UUID application(String value) {
        String v = value.strip();
        try {
            if (v.length() == 36) {
                return UUID.fromString(v);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException("--application must be an application id (a UUID such as"
                + " 0190f4a1-2b3c-7d4e-8f90-123456789abc), not '" + v + "'");
    }

    private static Set<String> actions(String value, Set<String> sofar) {
        Set<String> actions = sofar == null ? new LinkedHashSet<>() : sofar;
        Hook0Actions known = Hook0Actions.standard();
        for (String raw : value.split(",")) {
            String action = raw.strip();
            if (action.isEmpty()) {
                continue;
            }
            if (known.find(action).isEmpty()) {
                throw new ConfigException("--allow: '" + action + "' is not a Hook0 action this server knows"
                        + " (service tokens and application secrets are never offered); the actions are "
                        + String.join(", ", known.all().stream().map(a -> a.name()).toList()));
            }
            actions.add(action);
        }
        if (actions.isEmpty()) {
            throw new ConfigException("--allow needs at least one action name, such as event:ingest");
        }
        return actions;
    }
}
