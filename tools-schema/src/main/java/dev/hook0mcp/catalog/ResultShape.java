package dev.hook0mcp.catalog;

import java.util.List;

/**
 * How the engine turns Hook0's answer into a tool result. Field paths are dotted member names inside one object
 * (for lists: inside each item); a trailing {@code .*} means every value of that map.
 *
 * @param shape         OBJECT: the answer is one JSON object; LIST: a JSON array, returned as
 *                      {@code {"items": [...], "count": n}}; EMPTY: 204, returned as {@code {"ok": true, "message": …}}
 * @param confirmation  for EMPTY: the message, with {@code {argument}} placeholders filled from the arguments
 * @param redact        secrets replaced by a marker unless HOOK0_REVEAL_SECRETS=true (e.g. {@code secret},
 *                      {@code target.headers.*})
 * @param untrusted     attacker-controlled text: invisible and bidi characters stripped, result marked untrusted
 * @param decodePayload whether a base64 {@code payload} of a text/JSON content type is decoded into
 *                      {@code payload_decoded}
 * @param paginated     whether the answer carries a {@code Link: rel="next"} cursor, returned as {@code next_cursor}
 */
public record ResultShape(
        Shape shape,
        String confirmation,
        List<String> redact,
        List<String> untrusted,
        boolean decodePayload,
        boolean paginated) {

    public enum Shape {
        OBJECT,
        LIST,
        EMPTY
    }

    public ResultShape {
        redact = List.copyOf(redact);
        untrusted = List.copyOf(untrusted);
    }
}
