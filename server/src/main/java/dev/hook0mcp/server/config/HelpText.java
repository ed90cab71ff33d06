package dev.hook0mcp.server.config;


/** The text of --help. */
public final class HelpText {

    private HelpText() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append(Version.NAME).append(' ').append(Version.VERSION)
                .append(" — MCP server for Hook0: the tools your service token allows, nothing more.\n\n");
        s.append("Usage:\n");
        s.append("  java -jar hook0-mcp.jar [options]          serve MCP (stdio by default)\n");
        s.append("  java -jar hook0-mcp.jar check [options]    show what the token can do, then exit\n");
        s.append("  java -jar hook0-mcp.jar attenuate [opts]   print a narrower token (see attenuate --help)\n");
        s.append("  java -jar hook0-mcp.jar --sandbox          try it against a built-in demo Hook0\n\n");
        s.append("Options (each flag mirrors an environment variable; a flag wins):\n");
        for (ConfigParser.Option o : ConfigParser.OPTIONS) {
            String flag = o.flag() == null ? "" : o.flag() + (o.takesValue() ? " VALUE" : "");
            String env = o.env() == null ? "" : o.env();
            s.append(String.format("  %-26s %-22s %s%n", flag, env, o.help()));
        }
        s.append(String.format("  %-26s %-22s %s%n", "--help", "", "this text"));
        s.append(String.format("  %-26s %-22s %s%n", "--version", "", "print the version"));
        s.append("\nA service token is created in the Hook0 dashboard: Organization → Service Tokens → Create.\n");
        s.append("Attenuate it there or with `attenuate` (one application, an expiry, read-only) and this server offers\n");
        s.append("exactly what it allows. Logs go to stderr; stdout carries MCP messages only.\n");
        return s.toString();
    }

    public static String missingToken() {
        return "hook0-mcp: no Hook0 token. Create a service token in the Hook0 dashboard (Organization → Service"
                + " Tokens → Create; attenuate it to one application, an expiry or read-only if you like), then set"
                + " HOOK0_API_TOKEN=<token> or HOOK0_API_TOKEN_FILE=<file>. To try without an account: --sandbox."
                + " See --help.";
    }
}
