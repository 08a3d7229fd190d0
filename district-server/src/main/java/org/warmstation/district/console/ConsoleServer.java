package org.warmstation.district.console;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.warmstation.district.console.auth.Authenticator;
import org.warmstation.district.console.auth.LoginPages;
import org.warmstation.district.console.auth.Logins;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.SessionStore;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.console.auth.UsersPage;
import org.warmstation.district.console.pages.ConsolePages;
import org.warmstation.district.db.DistrictDatabase;

/**
 * The district web console: Javalin (Jetty 12) serving the pages registered in a
 * {@link RouteTable}, static files from {@code classpath:console/static} at
 * {@code /console/static/}, and WebJars (ECharts, Leaflet) at {@code /webjars/}. Runs in the
 * district-server process on the same {@link DistrictDatabase} as the receiver.
 *
 * <p>{@link #start} blocks until the port is bound; requests are served on Jetty's threads.
 * {@link #close} stops the server (not the database, which the caller owns).
 */
public final class ConsoleServer implements AutoCloseable {
    private final Javalin app;
    private final ConsoleServices services;
    private final List<Route> routes;

    private ConsoleServer(Javalin app, ConsoleServices services, List<Route> routes) {
        this.app = app;
        this.services = services;
        this.routes = routes;
    }

    /**
     * Starts the console with the standard pages ({@link ConsolePages#standard}).
     *
     * @param settings where and how to serve
     * @param database the open district database
     * @param clock    the console's clock
     * @return the running console
     * @throws IllegalStateException when the port cannot be bound (Javalin's message)
     */
    public static ConsoleServer start(ConsoleSettings settings, DistrictDatabase database, Clock clock) {
        return start(settings, database, clock, ConsolePages::standard);
    }

    /**
     * Starts the console with the given pages (plus login/logout and the admin's users page,
     * always there).
     *
     * @param settings where and how to serve
     * @param database the open district database
     * @param clock    the console's clock
     * @param pages    builds the pages from the console's services
     * @return the running console
     * @throws IllegalStateException when the port cannot be bound (Javalin's message)
     * @throws IllegalArgumentException when two pages register the same method and path
     */
    public static ConsoleServer start(ConsoleSettings settings, DistrictDatabase database, Clock clock,
                                      Function<ConsoleServices, List<ConsolePage>> pages) {
        for (String noisy : new String[] {"io.javalin", "org.eclipse.jetty"}) {
            // both narrate start and stop at INFO (static handlers, versions); keep warnings
            if (System.getProperty("org.slf4j.simpleLogger.log." + noisy) == null) {
                System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
            }
        }
        SessionStore sessions = new SessionStore(database);
        Authenticator auth = new Authenticator(sessions, clock, settings.secureCookies());
        PageRenderer renderer = new PageRenderer(auth, settings);
        ConsoleServices services = new ConsoleServices(database, settings, renderer, clock);
        RouteTable table = new RouteTable();
        UserStore users = new UserStore(database);
        Logins logins = new Logins(users, new PasswordHasher(PasswordHasher.DEFAULT_COST), clock);
        new LoginPages(services, auth, logins).register(table);
        new UsersPage(services, users).register(table);
        List<ConsolePage> all = new ArrayList<>(pages.apply(services));
        for (ConsolePage p : all) {
            p.register(table);
        }
        RequestGuard guard = new RequestGuard(auth);
        ErrorPages errors = new ErrorPages(renderer);
        List<Route> routes = table.routes();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            // let long query strings reach the guard, which answers them with a clear 414 page
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(32 * 1024);
                http.setSendServerVersion(false);
            });
            config.staticFiles.enableWebjars();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/console/static";
                sf.directory = "/console/static";
                sf.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                guard.beforeAll(ctx);
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), guard.wrap(r));
            }
            config.routes.exception(ConsoleException.class, errors::refused);
            config.routes.exception(HttpResponseException.class, errors::javalin);
            config.routes.exception(Exception.class, errors::failed);
            config.routes.error(404, errors::notFound);
        });
        app.start(settings.host(), settings.port());
        return new ConsoleServer(app, services, routes);
    }

    /** @return the bound port (the free one picked when the settings said 0) */
    public int port() {
        return app.port();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8080} (no trailing slash) */
    public String url() {
        String host = services.settings().host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** @return every route served, with its access level (for the access tests) */
    public List<Route> routes() {
        return routes;
    }

    /** @return the services the pages were built with */
    public ConsoleServices services() {
        return services;
    }

    /** Stops serving; the database stays open. */
    @Override
    public void close() {
        app.stop();
    }
}
