package org.consentry.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, a bad header, an illegal path) answered as problem details
 * too, so that no client ever has to parse an HTML error page; except on the pages for people (a confirmation or
 * unsubscribe link, a form), where a person who followed a damaged link gets a page saying so, not JSON.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        if (Html.isPagePath(request.getHttpURI() == null ? null : request.getHttpURI().getPath())) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if (status == 400) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close"); // as below
            }
            String title = HttpStatus.getMessage(status);
            String page = Html.page(title, status < 500
                    ? "<p>This address is not one we can open. If you followed a link from a message, check that it was copied whole, "
                      + "or open it again from the message.</p>\n"
                    : "<p>Something went wrong on our side. Please try again in a few minutes.</p>\n");
            response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        if (status == 400) {
            // a request Jetty refused before any route saw it (a NUL in the path, say): Jetty drops the connection
            // afterwards, so say so, or a client that keeps connections alive sends its next request into a closed socket
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body(status, message == null ? null : message.toString())), callback);
        return true;
    }

    @Override public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        // Jetty closes the connection after a message it could not parse; say so, or a client that keeps connections
        // alive sends its next request into a closed socket
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String detail) {
        String title = HttpStatus.getMessage(status);
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":");
        quote(title, json);
        json.append(",\"status\":").append(status);
        String explained = detail == null || detail.isBlank() ? title : detail;
        json.append(",\"detail\":");
        quote(explained, json);
        if (status == 400) {
            // Jetty refuses the request line or headers before any route sees it: the request itself is at fault
            json.append(",\"errors\":[{\"field\":\"request\",\"message\":");
            quote(explained, json);
            json.append("}]");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
