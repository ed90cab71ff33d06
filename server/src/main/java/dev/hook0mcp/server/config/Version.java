package dev.hook0mcp.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's name and version (the version comes from the Maven build). */
public final class Version {

    public static final String NAME = "hook0-mcp";
    public static final String VERSION = load();

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The User-Agent sent to Hook0. */
    public static String userAgent() {
        return NAME + "/" + VERSION + " (java " + System.getProperty("java.version") + ")";
    }
}
