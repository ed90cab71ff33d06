package dev.hook0mcp.server.hook0;

/** Hook0 could not be reached or did not answer in time; the message says which, plainly. */
public class Hook0TransportException extends Exception {

    public Hook0TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
