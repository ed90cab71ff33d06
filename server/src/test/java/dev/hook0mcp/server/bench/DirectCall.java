package dev.hook0mcp.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The Hook0 request a tool call makes, sent straight to Hook0 by a kept-alive HTTP client: the per-call baseline. */
final class DirectCall {

    private final HttpClient client;
    private final HttpRequest request;

    DirectCall(HttpClient client, String url, String token) {
        this.client = client;
        this.request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** Sends it once; true on a 200. */
    boolean call() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    /** Latency of one call in milliseconds (a failed call throws: the baseline must be real). */
    double timedMs() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (!call()) {
            throw new IllegalStateException("the direct call " + request.uri() + " did not answer 200");
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
