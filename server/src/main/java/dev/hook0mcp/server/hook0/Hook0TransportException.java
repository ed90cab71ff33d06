package dev.hook0mcp.server.hook0;

/**
 * Hook0 could not be reached, did not answer in time, or answered something unreadable; the message says which,
 * plainly. {@link #mayHaveArrived()} tells a write whether Hook0 may have acted on the request.
 */
public class Hook0TransportException extends Exception {

    private final boolean mayHaveArrived;

    public Hook0TransportException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public Hook0TransportException(String message, Throwable cause, boolean mayHaveArrived) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    /** False only when the request certainly never reached Hook0 (no connection, or the deadline ran out first). */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
