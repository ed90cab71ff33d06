package dev.hook0mcp.server;

import dev.hook0mcp.catalog.ToolCatalog;

/**
 * Start-up work that depends on no configuration, begun on a background thread as {@code main} starts, so it runs
 * on the second core while the main thread reads the configuration and sets logging up.
 */
final class StartUpOverlap {

    private StartUpOverlap() {}

    static void begin() {
        Thread overlap = new Thread(StartUpOverlap::catalogue, "start-up-overlap");
        overlap.setDaemon(true);
        overlap.start();
    }

    /**
     * The tool catalogue, parsed from its files (a quarter of the main thread's start), and with it Jackson's first
     * use, whose {@code StdDateFormat} loads the JDK's calendar and locale data (about 45 ms: the CLDR provider
     * parses its list of locales). The main thread reaches for the catalogue only once the configuration is read
     * and logging is set up, and touches neither Jackson nor the catalogue before: it then waits for what is not
     * done yet instead of doing it all itself.
     */
    private static void catalogue() {
        try {
            ToolCatalog.standard();
        } catch (RuntimeException e) {
            // the main thread loads the catalogue again and reports the problem
        }
    }
}
