package org.consentry.store.scrub;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consentry.policy.Decision;
import org.consentry.policy.ReasonCode;

/**
 * The summary of a scrub as a page a person reads: the counts, and a bar chart of the rows each reason
 * removed (inline SVG, no script, with a text alternative and the same figures in a table).
 */
public final class ScrubReport {

    private static final int BAR_WIDTH = 420;
    private static final int BAR_HEIGHT = 22;
    private static final int LABEL_WIDTH = 270;

    private ScrubReport() {
    }

    /** The page; {@code title} names the list, {@code context} says what it was judged for (channel, purpose, time). */
    public static String html(ScrubSummary summary, String title, String context) {
        List<Map.Entry<ReasonCode, Long>> reasons = summary.sortedReasons();
        StringBuilder page = new StringBuilder(4_096);
        page.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Scrub report: ")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem}\n")
                .append("table{border-collapse:collapse}th,td{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:left}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Scrub report: ").append(escape(title)).append("</h1>\n<p>").append(escape(context)).append("</p>\n")
                .append("<table>\n<caption>Rows by decision</caption>\n<tr><th scope=\"col\">decision</th><th scope=\"col\">rows</th><th scope=\"col\">share</th></tr>\n");
        row(page, "all rows", summary.rows(), summary.rows());
        for (Decision decision : List.of(Decision.ALLOW, Decision.DEFER, Decision.BLOCK)) {
            row(page, decision.wireName(), summary.count(decision), summary.rows());
        }
        page.append("</table>\n<h2>Removed by reason</h2>\n");
        if (reasons.isEmpty()) {
            page.append("<p>No row was removed.</p>\n");
        } else {
            chart(page, reasons);
            page.append("<table>\n<caption>Rows blocked or deferred, by reason (a row with several reasons counts under each)</caption>\n")
                    .append("<tr><th scope=\"col\">reason</th><th scope=\"col\">rows</th><th scope=\"col\">what it means</th></tr>\n");
            for (Map.Entry<ReasonCode, Long> reason : reasons) {
                page.append("<tr><td>").append(reason.getKey().name()).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%,d", reason.getValue())).append("</td><td>")
                        .append(escape(reason.getKey().when())).append("</td></tr>\n");
            }
            page.append("</table>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void chart(StringBuilder page, List<Map.Entry<ReasonCode, Long>> reasons) {
        long most = reasons.get(0).getValue();
        int height = reasons.size() * (BAR_HEIGHT + 8) + 8;
        int width = LABEL_WIDTH + BAR_WIDTH + 110;
        StringBuilder alternative = new StringBuilder();
        for (Map.Entry<ReasonCode, Long> reason : reasons) {
            alternative.append(alternative.length() == 0 ? "" : "; ").append(reason.getKey().name()).append(' ').append(reason.getValue());
        }
        page.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("<title id=\"chart-title\">Rows removed by reason: ").append(escape(alternative.toString())).append("</title>\n");
        int y = 8;
        for (Map.Entry<ReasonCode, Long> reason : reasons) {
            long bar = Math.max(1, Math.round((double) reason.getValue() / most * BAR_WIDTH));
            page.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">").append(reason.getKey().name()).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(bar)
                    .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(reason.getKey().effect() == org.consentry.policy.Effect.DEFER ? "#8a5a00" : "#a4262c")
                    .append("\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + bar + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"13\" fill=\"#1a1a1a\">").append(String.format(Locale.ROOT, "%,d", reason.getValue())).append("</text>\n");
            y += BAR_HEIGHT + 8;
        }
        page.append("</svg>\n");
    }

    private static void row(StringBuilder page, String name, long count, long of) {
        page.append("<tr><td>").append(name).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", count))
                .append("</td><td class=\"n\">").append(of == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / of)).append("</td></tr>\n");
    }

    static String escape(String text) {
        return org.consentry.content.HtmlEscape.escape(text);
    }
}
