package dev.hook0mcp.sandbox.http;

/** Thrown by handlers to answer with a problem+json body. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.id(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
