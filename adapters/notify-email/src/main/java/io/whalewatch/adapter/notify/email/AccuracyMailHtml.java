package io.whalewatch.adapter.notify.email;

/**
 * The HTML alternative of the accuracy mail. Every inserted value goes through {@link #escape},
 * including our own numbers: the rule is simpler to keep than a list of exceptions.
 */
final class AccuracyMailHtml {
    private AccuracyMailHtml() {
    }

    static String render(AccuracyFacts f) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(AccuracyMail.subject(f))).append("</title></head>\n")
                .append("<body style=\"font-family:sans-serif;color:#222\">\n")
                .append("<h2 style=\"color:").append(colour(f)).append("\">")
                .append(escape("Prediction accuracy " + f.levelName())).append("</h2>\n")
                .append("<p>").append(escape(AccuracyMail.headline(f))).append("</p>\n")
                .append("<table style=\"border-collapse:collapse\">\n");
        for (String[] row : AccuracyMail.figures(f)) {
            b.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").append(escape(row[0]))
                    .append("</th><td>").append(escape(row[1])).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (f.recovered()) {
            b.append("<p>No action is needed. If accuracy drops again you will get a new alert.</p>\n");
        } else {
            b.append("<h3>What to check</h3>\n<ul>\n");
            for (String[] check : AccuracyMail.CHECKS) {
                b.append("<li><strong>").append(escape(check[0])).append("</strong>: ").append(escape(check[1]))
                        .append(".</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p style=\"color:#777;font-size:small\">").append(escape(AccuracyMail.footer().strip()))
                .append("</p>\n</body></html>\n");
        return b.toString();
    }

    private static String colour(AccuracyFacts f) {
        return switch (f.level()) {
            case CRITICAL -> "#b00020";
            case WARNING -> "#b36b00";
            case RECOVERED -> "#1b7f3b";
        };
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
