package org.consentry.server.http;

/** The few server-rendered pages recipients see: plain HTML that works without JavaScript, readable and accessible. */
public final class Html {

    /** Where the pages for people are served: a confirmation link, an unsubscribe link, a hosted form, the spam report page. */
    private static final java.util.List<String> PAGE_PREFIXES = java.util.List.of("/c/", "/u/", "/optin/", "/report");

    private Html() {
    }

    /** True when {@code path} (as asked, encoded or not) is one of the pages for people, whose errors are pages too. */
    public static boolean isPagePath(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : PAGE_PREFIXES) {
            if (path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                    || path.charAt(prefix.length()) == '?')) {
                return true;
            }
        }
        return false;
    }

    /** Answers a page for people: never cached, since each is about one recipient's link or report. */
    public static void send(io.javalin.http.Context ctx, int status, String html) {
        // never inside another site's frame: a page where people tick boxes must not be overlaid (clickjacking)
        ctx.status(status).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
           .header("Content-Security-Policy", "frame-ancestors 'none'").html(html);
    }

    /**
     * Reads the posted form's fields. A body that is not a readable form (a multipart body without its boundary,
     * one cut short) gets a page saying so, with {@code again} as the way forward, and false.
     */
    public static boolean formRead(io.javalin.http.Context ctx, String again) {
        try {
            ctx.formParamMap();
            return true;
        } catch (Exception unreadable) { // a ServletException, thrown though not declared
            send(ctx, 400, page("Not a form", "<p>The form could not be read. " + escape(again) + "</p>\n"));
            return false;
        }
    }

    /** The address with most of its local part hidden, for pages anyone holding a link may open: a***@example.com. */
    public static String masked(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Where recipients reach this server, for the links it issues: the configured public URL, else the request's own. */
    public static String base(io.javalin.http.Context ctx, String publicUrl) {
        return (publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host()).replaceAll("/+$", "");
    }

    /** Text made safe to place in HTML content or a quoted attribute. */
    public static String escape(String text) {
        return org.consentry.content.HtmlEscape.escape(text);
    }

    /** A whole page: {@code title} is text (escaped here), {@code body} is HTML built with {@link #escape}. */
    public static String page(String title, String body) {
        return page(title, title, body);
    }

    /** A page whose window title differs from its heading (an "Error: " prefix that screen readers announce first). */
    public static String page(String title, String heading, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font:1.1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:34rem;margin:3rem auto;padding:0 1rem}"
                + "button{font:inherit;padding:.6rem 1.4rem;color:#fff;background:#1d4ed8;border:0;border-radius:.3rem}"
                + "button:focus,input:focus,a:focus{outline:3px solid #b45309;outline-offset:2px}fieldset{border:1px solid #6b7280;padding:1rem}"
                + "input[type=tel],input[type=email],input:not([type]){font:inherit;padding:.4rem;border:1px solid #4b5563;border-radius:.2rem;width:100%;box-sizing:border-box}"
                + ".choice{display:flex;gap:.6rem;align-items:flex-start}.choice input{width:1.3rem;height:1.3rem;margin-top:.2rem;flex:none}"
                + "a{color:#1d4ed8}.error{color:#b91c1c;font-weight:600}.problems{border:3px solid #b91c1c;padding:0 1rem;margin-bottom:1rem}</style>\n"
                + "</head>\n<body>\n<main>\n<h1>" + escape(heading) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
    }
}
