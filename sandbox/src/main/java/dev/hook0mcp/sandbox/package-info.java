/**
 * An in-memory Hook0-compatible API for tests and demos: {@link dev.hook0mcp.sandbox.Sandbox#start(int)}.
 *
 * <p>Layout: {@code store} holds the data (records, one lock, seed data, delivery simulation, digest);
 * {@code auth} mints and verifies Biscuit tokens and runs Hook0's authorizer; {@code http} is the
 * transport (routing, request parsing, problem+json, the JDK server handler); {@code api} has one class
 * of handlers per resource plus the response shapes ({@code Views}) and the authorization guard
 * ({@code Access}).
 *
 * <p>Known differences from Hook0: no rate limiting or quotas (no 429), no service-token or
 * application-secret routes, authorizer time budget 2 s instead of 30 ms, the {@code labels} fact of
 * subscription:create is not added, tokens using Datalog 3.3 arrays or maps cannot be parsed (biscuit-java
 * 4.0.1) and answer 403 AuthInvalidBiscuit.
 */
package dev.hook0mcp.sandbox;
