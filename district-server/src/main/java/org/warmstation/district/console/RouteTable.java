package org.warmstation.district.console;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of the console with its access level. Pages ({@link ConsolePage}) register here;
 * the {@link ConsoleServer} wraps each handler in the access and CSRF checks, and the access
 * tests iterate {@link #routes()}, so a route registered here is guarded and tested without
 * further work.
 *
 * <p>Not thread-safe: filled once while the server is built.
 */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param route the route
     * @return this table
     * @throws IllegalArgumentException when the same method and path are already registered
     */
    public RouteTable add(Route route) {
        for (Route r : routes) {
            if (r.method().equals(route.method()) && r.path().equals(route.path())) {
                throw new IllegalArgumentException("route registered twice: " + route);
            }
        }
        routes.add(route);
        return this;
    }

    /**
     * Adds an HTML page answering GET.
     *
     * @param path    Javalin path pattern
     * @param access  who may see it
     * @param handler renders the page
     * @return this table
     */
    public RouteTable page(String path, Access access, Handler handler) {
        return add(new Route(HandlerType.GET, path, access, Route.Kind.PAGE, handler));
    }

    /**
     * Adds a GET answering data (JSON, server-sent events, a CSV/XLSX download). For server-sent
     * events pass {@code new io.javalin.http.sse.SseHandler(client -> ...)} as the handler.
     *
     * @param path    Javalin path pattern
     * @param access  who may fetch it
     * @param handler writes the data
     * @return this table
     */
    public RouteTable data(String path, Access access, Handler handler) {
        return add(new Route(HandlerType.GET, path, access, Route.Kind.DATA, handler));
    }

    /**
     * Adds a form POST (CSRF-checked before {@code handler} runs); the handler usually redirects
     * (303) to a page.
     *
     * @param path    Javalin path pattern
     * @param access  who may post
     * @param handler performs the action
     * @return this table
     */
    public RouteTable post(String path, Access access, Handler handler) {
        return add(new Route(HandlerType.POST, path, access, Route.Kind.PAGE, handler));
    }

    /** @return every registered route, in registration order (a copy) */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
