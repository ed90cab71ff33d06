package dev.hook0mcp.server.audit;

import java.io.IOException;

/** Where audit lines go: the audit file, or stderr for {@code --audit-log -}. */
interface AuditSink extends AutoCloseable {

    /** Writes one complete line (ending with a newline) and flushes it. */
    void write(byte[] line) throws IOException;

    @Override
    void close();
}
