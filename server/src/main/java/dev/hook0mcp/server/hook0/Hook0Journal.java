package dev.hook0mcp.server.hook0;

/**
 * Where {@link Hook0Client} notes each request it puts on the wire for one tool call (retries included), as soon
 * as its answer (or its failure) is known: the audit log lists them even when the call fails half-way.
 */
public interface Hook0Journal {

    /** Notes nothing. */
    Hook0Journal NONE = (request, status, millis) -> { };

    /**
     * @param status Hook0's HTTP status, or null when no answer came (connection failed, timed out, too large)
     * @param millis how long the request took
     */
    void sent(Hook0Request request, Integer status, long millis);
}
