package org.consentry.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers endpoints and remembers them, so that a test can hold the published contract to the routes. */
public final class Endpoints {

    /** The request attribute holding the path of the route that answered it, as registered ({@code /v1/consents/{id}/revoke}). */
    public static final String ROUTE = "consentry.route";

    private final RoutesConfig routes;
    private final List<String> registered = new ArrayList<>();

    public Endpoints(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler) {
        registered.add("GET " + path);
        routes.get(path, named(path, handler));
    }

    public void post(String path, Handler handler) {
        registered.add("POST " + path);
        routes.post(path, named(path, handler));
    }

    public void put(String path, Handler handler) {
        registered.add("PUT " + path);
        routes.put(path, named(path, handler));
    }

    public void delete(String path, Handler handler) {
        registered.add("DELETE " + path);
        routes.delete(path, named(path, handler));
    }

    private static Handler named(String path, Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTE, path);
            handler.handle(ctx);
        };
    }

    /** Every endpoint as {@code METHOD /path/{param}}. */
    public List<String> registered() {
        return List.copyOf(registered);
    }
}
