package dev.hook0mcp.server.config;

/** A configuration the server cannot start with; the message tells the user what to change. Exit status 2. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
