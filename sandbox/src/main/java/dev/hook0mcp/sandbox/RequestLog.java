package dev.hook0mcp.sandbox;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request the sandbox answered, oldest first, readable as a list (iteration sees a consistent
 * snapshot). {@link #clear()} empties it; nothing else modifies it from outside.
 */
public final class RequestLog extends AbstractList<RecordedRequest> {

    private final CopyOnWriteArrayList<RecordedRequest> entries = new CopyOnWriteArrayList<>();

    void record(RecordedRequest request) {
        entries.add(request);
    }

    /** An immutable snapshot. */
    public List<RecordedRequest> entries() {
        return List.copyOf(entries);
    }

    @Override
    public RecordedRequest get(int index) {
        return entries.get(index);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Iterator<RecordedRequest> iterator() {
        return entries().iterator();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
