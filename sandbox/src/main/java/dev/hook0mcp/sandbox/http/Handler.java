package dev.hook0mcp.sandbox.http;

/** Answers one routed request; may throw {@link ProblemException} or {@link PlainHttpError}. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request);
}
