package dev.hook0mcp.sandbox.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep insertion order (the JSON order a client sent). */
public final class Maps {

    private Maps() {
    }

    public static Map<String, String> frozen(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static List<String> frozen(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
