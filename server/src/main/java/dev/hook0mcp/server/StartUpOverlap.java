package dev.hook0mcp.server;

import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Start-up work that needs nothing of ours, begun on a background thread as {@code main} starts, so it runs on
 * the second core while the main thread reads the configuration and sets logging up.
 */
final class StartUpOverlap {

    private StartUpOverlap() {}

    static void begin() {
        Thread overlap = new Thread(StartUpOverlap::localeData, "start-up-overlap");
        overlap.setDaemon(true);
        overlap.start();
    }

    /**
     * The JDK's calendar and locale-provider data. Jackson's {@code StdDateFormat} builds a US calendar when
     * {@code ObjectMapper} is first used, and that first look-up of locale data is about 45 ms of a start (the CLDR
     * provider parses its list of locales). JDK classes only, made for concurrent use: the main thread takes over
     * whatever is not done yet when it gets there.
     */
    private static void localeData() {
        new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
    }
}
