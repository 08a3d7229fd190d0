package org.warmstation.district.console;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One console route: method, Javalin path ({@code /stations/{id}}), who may use it, what it
 * answers, and its handler.
 *
 * @param method  {@link HandlerType#GET} or {@link HandlerType#POST} (every POST is CSRF-checked)
 * @param path    Javalin path pattern, starting with {@code /}
 * @param access  who may use it
 * @param kind    a page (HTML; an anonymous request is redirected to the login page) or data
 *                (JSON, SSE, a download; an anonymous request gets 401)
 * @param handler the handler; runs only after the access and CSRF checks passed
 */
public record Route(HandlerType method, String path, Access access, Kind kind, Handler handler) {
    /** What a route answers, which decides how a refusal looks. */
    public enum Kind {
        /** An HTML page: refusals are message pages, anonymous requests go to the login page. */
        PAGE,
        /** JSON, an event stream or a download: refusals are a status and a short JSON body. */
        DATA
    }

    /**
     * @throws IllegalArgumentException when the method is neither GET nor POST or the path does not
     *                                  start with {@code /}
     */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(handler, "handler");
        if (!method.equals(HandlerType.GET) && !method.equals(HandlerType.POST)) {
            throw new IllegalArgumentException("console routes are GET or POST, not " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
    }

    /** @return whether the route may change state (and so needs a CSRF token) */
    public boolean writes() {
        return !method.equals(HandlerType.GET);
    }

    @Override
    public String toString() {
        return method + " " + path + " [" + access + ", " + kind + "]";
    }
}
