package org.warmstation.district.console;

/**
 * One page or area of the console (overview, stations, map, reports...). Implementations get what
 * they need ({@link ConsoleServices}) in their constructor and are listed in
 * {@link org.warmstation.district.console.pages.ConsolePages}.
 */
public interface ConsolePage {
    /**
     * Registers this page's routes.
     *
     * @param routes the console's route table
     */
    void register(RouteTable routes);
}
