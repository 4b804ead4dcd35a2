package org.consentry.policy.rules.email;

import java.util.Locale;
import org.consentry.content.ContentAnalyzer;
import org.consentry.content.MessageContent;
import org.consentry.policy.SendRequest;

/**
 * The body of an email as its reader sees it. CAN-SPAM wants the opt-out notice and the postal address in the
 * message, clear and conspicuous (15 U.S.C. 7704(a)(3), (a)(5)); the content the rules read holds the subject line
 * and the raw HTML, so a commented-out footer, an attribute or the subject would count. Here the subject is left
 * out, HTML comments are dropped ({@link #html}), and the text has no tags either ({@link #text}).
 *
 * @param html the body without its HTML comments
 * @param text that body in lower case, tags read as spaces, white space collapsed
 */
record EmailBody(String html, String text) {

    /** Who derives it from a message's content (see {@link MessageContent#derive}). */
    private static final Object OWNER = new Object();

    /** The request's body as shown, worked out once per body. */
    static EmailBody of(SendRequest request, MessageContent content) {
        String body = request.body() == null ? "" : request.body();
        return content.derive(OWNER, body, ignored -> read(body));
    }

    static EmailBody read(String body) {
        String html = withoutComments(body);
        if (html.indexOf('<') < 0) {
            return new EmailBody(html, ContentAnalyzer.collapse(html.toLowerCase(Locale.ROOT), false));
        }
        StringBuilder text = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
                text.append(' '); // "<p>Acme</p><p>1 Main St" reads as two words, not "acme1"
            } else if (c == '>') {
                inTag = false;
            } else if (!inTag) {
                text.append(c);
            }
        }
        return new EmailBody(html, ContentAnalyzer.collapse(text.toString().toLowerCase(Locale.ROOT), false));
    }

    /** The body without {@code <!-- ... -->}; a comment left open hides the rest of the body, as in a mail client. */
    static String withoutComments(String body) {
        int open = body.indexOf("<!--");
        if (open < 0) {
            return body;
        }
        StringBuilder shown = new StringBuilder(body.length());
        int from = 0;
        while (open >= 0) {
            shown.append(body, from, open);
            int close = body.indexOf("-->", open + 4);
            if (close < 0) {
                return shown.toString();
            }
            from = close + 3;
            open = body.indexOf("<!--", from);
        }
        return shown.append(body, from, body.length()).toString();
    }
}
