package org.consentry.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Registers endpoints and remembers them, so that a test can hold the published contract to the routes. */
public final class Endpoints {

    /** The request attribute holding the path of the route that answered it, as registered ({@code /v1/consents/{id}/revoke}). */
    public static final String ROUTE = "consentry.route";

    /** The request attribute holding the client's address, when it came through a trusted proxy (see {@link #client}). */
    private static final String CLIENT = "consentry.client";

    private final RoutesConfig routes;
    private final TrustedProxies proxies;
    private final List<String> registered = new ArrayList<>();

    public Endpoints(RoutesConfig routes, TrustedProxies proxies) {
        this.routes = routes;
        this.proxies = proxies;
    }

    /**
     * The address the request came from, as evidence records it and per-address limits count it: the connection's
     * peer, or behind a trusted reverse proxy the client it forwarded for ({@link TrustedProxies}).
     */
    public static String client(Context ctx) {
        Object forwarded = ctx.attribute(CLIENT);
        return forwarded != null ? (String) forwarded : ctx.ip();
    }

    public void get(String path, Handler handler) {
        registered.add("GET " + path);
        routes.get(path, named(path, handler));
    }

    /**
     * POST routes registered after this answer once per {@code Idempotency-Key} ({@link Idempotency}) when their path is
     * one of {@code paths}: the routes whose requests take effect.
     */
    public void idempotent(Idempotency idempotency, java.util.Set<String> paths) {
        this.idempotency = idempotency;
        this.idempotentPaths = java.util.Set.copyOf(paths);
    }

    private Idempotency idempotency;
    private java.util.Set<String> idempotentPaths = java.util.Set.of();

    public void post(String path, Handler handler) {
        registered.add("POST " + path);
        routes.post(path, named(path, idempotentPaths.contains(path) ? idempotency.wrap(handler) : handler));
    }

    public void put(String path, Handler handler) {
        registered.add("PUT " + path);
        routes.put(path, named(path, handler));
    }

    public void delete(String path, Handler handler) {
        registered.add("DELETE " + path);
        routes.delete(path, named(path, handler));
    }

    private Handler named(String path, Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTE, path);
            if (path.startsWith("/v1/") && ctx.queryString() != null) {
                refuseRepeated(ctx);
            }
            if (!proxies.isEmpty()) {
                ctx.attribute(CLIENT, proxies.client(ctx.ip(), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
            }
            handler.handle(ctx);
        };
    }

    /**
     * A query parameter given twice is refused, naming it: no endpoint takes a list that way, and reading the first of
     * two ({@code address=a&address=b}, {@code prerecorded=false&prerecorded=true}) would answer for something else
     * than the caller may have meant.
     */
    private static void refuseRepeated(io.javalin.http.Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (values.size() > 1) {
                errors.add(new FieldError(name, "is given more than once; give it once"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /** Every endpoint as {@code METHOD /path/{param}}. */
    public List<String> registered() {
        return List.copyOf(registered);
    }
}
