package org.warmstation.district.console;

/**
 * Who may use a route. Checked by the console for every request before the route's handler runs
 * (see {@link RouteTable}).
 */
public enum Access {
    /** Anyone, logged in or not (login page, public station finder). */
    PUBLIC,
    /** Any logged-in district user (analyst or admin). */
    ANALYST,
    /** Logged-in admins only; analysts get 403. */
    ADMIN
}
