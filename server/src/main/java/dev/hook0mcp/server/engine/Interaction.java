package dev.hook0mcp.server.engine;

/**
 * What the MCP client of one tool call lets the server do while the call runs: ask the user (elicitation, only
 * when the client declared it) and report progress (only when the request carries a progress token). The engine
 * knows nothing of the SDK; {@code mcp} adapts the SDK's exchange to this.
 */
public interface Interaction {

    /** The user's answer to a confirmation form; UNANSWERED when the client could not show it or failed to answer. */
    enum Answer { ACCEPTED, DECLINED, CANCELLED, UNANSWERED }

    /** A client that can neither be asked nor told anything (stdio tests, resources, completions). */
    Interaction NONE = new Interaction() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public Answer ask(String message) {
            throw new IllegalStateException("this client cannot be asked");
        }

        @Override
        public void progress(double done, double total, String message) {
        }
    };

    /** Whether the client declared the elicitation capability (form mode). */
    boolean canAsk();

    /** Shows {@code message} as a confirmation form and waits for the user's answer. Only when {@link #canAsk}. */
    Answer ask(String message);

    /** Sends {@code notifications/progress} when the request carries a progress token; otherwise nothing. */
    void progress(double done, double total, String message);
}
