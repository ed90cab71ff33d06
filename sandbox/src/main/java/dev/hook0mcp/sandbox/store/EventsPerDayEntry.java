package dev.hook0mcp.sandbox.store;

import java.time.LocalDate;
import java.util.UUID;

/** Number of events received by one application on one (UTC) day. */
public record EventsPerDayEntry(UUID applicationId, String applicationName, LocalDate date, int amount,
                                boolean provisional) {
}
