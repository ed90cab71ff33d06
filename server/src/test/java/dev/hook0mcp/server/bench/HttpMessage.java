package dev.hook0mcp.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request or response read off a blocking stream, body included (Content-Length, chunked, or for a
 * response without either, up to the end of the connection), for the benchmark's load generator and its cache of
 * Hook0, and for tests that look at how an answer went on the wire. Header names are in lower case; a repeated
 * header keeps its last value; a chunked body keeps its chunks, any other body is one.
 */
public record HttpMessage(String startLine, Map<String, String> headers, List<byte[]> chunks, boolean closesConnection) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** The status of a response. */
    public int status() {
        return statusOf(startLine);
    }

    private static int statusOf(String statusLine) {
        return Integer.parseInt(statusLine.split(" ", 3)[1]);
    }

    /** The method of a request. */
    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** The path and query of a request. */
    String target() {
        String[] parts = startLine.split(" ", 3);
        return parts[1];
    }

    /** The body, its chunks joined. */
    public byte[] body() {
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chunks.forEach(body::writeBytes);
        return body.toByteArray();
    }

    /** A request; null at the end of the stream before one begins. */
    static HttpMessage readRequest(InputStream in) throws IOException {
        return read(in, false);
    }

    /** A response; null at the end of the stream before one begins. */
    public static HttpMessage readResponse(InputStream in) throws IOException {
        return read(in, true);
    }

    private static HttpMessage read(InputStream in, boolean response) throws IOException {
        String startLine = line(in);
        if (startLine == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headBytes = startLine.length();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new IOException("an HTTP head of more than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        boolean close = "close".equalsIgnoreCase(headers.get("connection"));
        String length = headers.get("content-length");
        List<byte[]> chunks;
        if (response && noBody(statusOf(startLine))) {
            chunks = List.of(new byte[0]);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            chunks = chunked(in);
        } else if (length != null) {
            chunks = List.of(in.readNBytes(Integer.parseInt(length)));
        } else if (response) {
            chunks = List.of(in.readAllBytes());
            close = true;
        } else {
            chunks = List.of(new byte[0]);
        }
        return new HttpMessage(startLine, headers, chunks, close);
    }

    private static boolean noBody(int status) {
        return status / 100 == 1 || status == 204 || status == 304;
    }

    private static List<byte[]> chunked(InputStream in) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("the connection ended inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return chunks.isEmpty() ? List.of(new byte[0]) : chunks;
            }
            chunks.add(in.readNBytes(n));
            line(in); // the CRLF after the chunk
        }
    }

    /** One line without its CRLF; null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_HEAD_BYTES) {
                throw new IOException("an HTTP line of more than " + MAX_HEAD_BYTES + " bytes");
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
