package dev.hook0mcp.server.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log: {@code Bearer <x>}, the value of an {@code Authorization} header in
 * the forms loggers print it ({@code Authorization: x}, {@code "authorization":"x"}, {@code authorization=[x]}),
 * every long base64 run (a Biscuit token is hundreds of such characters), and the exact text of every token the
 * process was configured with.
 */
public final class SecretRedactor {

    public static final String MASK = "[redacted]";

    /** Shorter runs stay readable: UUIDs (36), SHA-256 hex (64) and Biscuit public keys (64) are not secrets. */
    static final int MIN_SECRET_RUN = 80;

    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer(?:\\s|%20|\\+|\\\\[trn])+)[^\\s\"',;\\]\\)}>]+");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*[\"'\\[]?\\s*)(?!bearer\\b|\\[redacted\\])[^\\s\"',;\\]\\)}>]+");
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9_\\-+/]{" + MIN_SECRET_RUN + ",}={0,2}");

    private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();

    private SecretRedactor() {}

    /** Masks this exact text from now on wherever it appears (the configured token). */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= 8) {
            KNOWN.add(secret.strip());
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = replaceGroup(BEARER, out);
        out = replaceGroup(AUTHORIZATION, out);
        out = LONG_RUN.matcher(out).replaceAll(MASK);
        return out;
    }

    private static String replaceGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }
}
