package org.consentry.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.store.RequestRefused;
import org.consentry.store.ledger.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an {@code application/problem+json} answer (RFC 9457). */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> write(ctx, problem));
        routes.exception(ResponseAborted.class, (aborted, ctx) -> log.warn("{} {}: {}", ctx.method(), logged(ctx), aborted.getMessage()));
        routes.exception(RequestRefused.class, (refused, ctx) -> write(ctx, fromRefusal(refused)));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            log.warn("store unavailable: {}", e.getMessage());
            ctx.header("Retry-After", "1");
            write(ctx, new ApiProblem(503, "urn:consentry:problem:store-unavailable", "A store did not answer",
                    e.getMessage() + "; nothing was written, retry", List.of()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String allowed = e.getDetails().get("availableMethods");
            if (e.getStatus() == 405 && allowed != null) {
                // RFC 9110 section 15.5.6: a 405 names the methods the resource has
                ctx.header("Allow", allowed.replaceAll("[\\[\\]]", ""));
                write(ctx, new ApiProblem(405, "about:blank", title(405), ctx.method() + " is not allowed on " + ctx.path()
                        + "; its methods are " + ctx.res().getHeader("Allow"), List.of()));
                return;
            }
            write(ctx, new ApiProblem(e.getStatus(), "about:blank", title(e.getStatus()), e.getMessage(), List.of()));
        });
        routes.exception(java.nio.charset.UnsupportedCharsetException.class, (e, ctx) -> write(ctx, unsupportedCharset(e.getCharsetName())));
        routes.exception(java.nio.charset.IllegalCharsetNameException.class, (e, ctx) -> write(ctx, unsupportedCharset(e.getCharsetName())));
        routes.exception(Exception.class, (e, ctx) -> {
            org.eclipse.jetty.http.HttpException unread = unreadable(e);
            if (unread != null) {
                // a body Jetty could not read (a multipart body without its boundary, one cut short): the request is at fault
                String detail = "the request could not be read: " + unread.getReason();
                write(ctx, new ApiProblem(unread.getCode(), "about:blank", title(unread.getCode()), detail,
                        unread.getCode() == 400 ? List.of(new FieldError("body", detail)) : List.of()));
                return;
            }
            log.error("unexpected failure on {} {}", ctx.method(), logged(ctx), e);
            write(ctx, new ApiProblem(500, "about:blank", "Internal server error",
                    "an unexpected failure; nothing was written", List.of()));
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx) && !isPage(ctx)) {
                write(ctx, ApiProblem.notFound("no resource at " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(408, ctx -> {
            if (!isProblem(ctx)) {
                // the body stopped arriving before its announced length: Jetty's idle timeout
                write(ctx, new ApiProblem(408, "about:blank", "Request timeout",
                        "the request's body did not arrive in time; nothing was written", List.of()));
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, new ApiProblem(405, "about:blank", "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path(), List.of()));
            }
        });
    }

    /**
     * The request's route as registered ({@code /v1/contacts/{address}}), never the path asked: a path may hold a
     * person's address, and a log kept after their erasure must not.
     */
    private static String logged(Context ctx) {
        Object route = ctx.attribute(Endpoints.ROUTE);
        return route == null ? "(no route)" : route.toString();
    }

    /** Jetty's refusal of the request (a 4xx), wrapped or not in the servlet's exception; null when the failure is another. */
    private static org.eclipse.jetty.http.HttpException unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http;
            }
        }
        return null;
    }

    /** A body in a character set this server does not know: the request is at fault, not the server. */
    private static ApiProblem unsupportedCharset(String charset) {
        return new ApiProblem(415, "about:blank", "Unsupported media type",
                "the charset '" + charset + "' of the Content-Type is not one this server reads; send UTF-8",
                List.of(new FieldError("Content-Type", "charset '" + charset + "' is not supported")));
    }

    /** A page for people (the unsubscribe pages) answers its own 404 in HTML. */
    private static boolean isPage(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE);
    }

    public void write(Context ctx, ApiProblem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(render(ctx, problem));
    }

    /** The problem's body as {@link #write} answers it. */
    public byte[] render(Context ctx, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", ctx.path());
        if (!problem.errors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (FieldError error : problem.errors()) {
                errors.add(Map.of("field", error.field(), "message", error.message()));
            }
            body.put("errors", errors);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (Exception e) {
            return ("{\"status\":" + problem.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static ApiProblem fromRefusal(RequestRefused refused) {
        List<FieldError> errors = refused.field() == null ? List.of() : List.of(new FieldError(refused.field(), refused.getMessage()));
        switch (refused.kind()) {
            case NOT_FOUND:
                return new ApiProblem(404, "urn:consentry:problem:not-found", "Not found", refused.getMessage(), errors);
            case CONFLICT:
                return new ApiProblem(409, "urn:consentry:problem:conflict", "Conflicts with the current state",
                        refused.getMessage(), errors);
            default:
                return new ApiProblem(422, "urn:consentry:problem:unacceptable", "The request cannot be accepted",
                        refused.getMessage(), errors);
        }
    }

    private static String title(int status) {
        switch (status) {
            case 400: return "Bad request";
            case 404: return "Not found";
            case 405: return "Method not allowed";
            case 413: return "Request too large";
            case 408: return "Request timeout";
            case 415: return "Unsupported media type";
            default: return "HTTP " + status;
        }
    }
}
