package dev.hook0mcp.server.transport.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Runs an action once when an asynchronous request ends, however it ends. */
final class AsyncEnd implements AsyncListener {

    private final Runnable action;
    private boolean done;

    private AsyncEnd(Runnable action) {
        this.action = action;
    }

    static AsyncEnd of(Runnable action) {
        return new AsyncEnd(action);
    }

    private synchronized void end() {
        if (!done) {
            done = true;
            action.run();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the same request continues in a new asynchronous cycle: stay registered until its end
        event.getAsyncContext().addListener(this);
    }
}
