package dev.hook0mcp.server.engine;

import java.util.List;

/** The caller's arguments cannot be sent to Hook0; nothing was sent. Each problem names its argument. */
public class ArgumentException extends RuntimeException {

    private final List<String> problems;

    public ArgumentException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ArgumentException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
