package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import java.util.List;

/**
 * Writes the accuracy alert mail: subject, plain text and (through {@link AccuracyMailHtml}) HTML.
 * The text is the reference; the HTML presents the same facts and checks.
 */
final class AccuracyMail {
    /** What usually degrades accuracy, in the order worth checking: (topic, what to look at). */
    static final List<String[]> CHECKS = List.of(
            new String[] {"Mempool congestion or fee-market volatility",
                "a fee spike or a flood of transactions pushes whales past their predicted block; compare the "
                        + "recommended fees and mempool size over the window"},
            new String[] {"RBF replacements",
                "fee bumps and cancellations replace predicted transactions; a rising dropped count points here"},
            new String[] {"The exchange address book",
                "an outdated address book misclassifies inflows and outflows; update and reload the address labels"},
            new String[] {"The upstream connection",
                "disconnects from the mempool source mean missed transactions and blocks; look for gaps and "
                        + "reconnects in GET /health and the logs"});

    private AccuracyMail() {
    }

    static EmailContent render(AccuracyAlert alert) {
        AccuracyFacts f = AccuracyFacts.of(alert);
        return new EmailContent(subject(f), text(f), AccuracyMailHtml.render(f));
    }

    static String subject(AccuracyFacts f) {
        return "[whalewatch] " + f.levelName() + ": prediction accuracy " + f.accuracy() + " over " + f.window()
                + " (threshold " + f.threshold() + ")";
    }

    /** One sentence: what happened, by how much, over which window. */
    static String headline(AccuracyFacts f) {
        if (f.recovered()) {
            return "Prediction accuracy has recovered: " + f.accuracy() + " of resolved predictions over "
                    + f.windowDescription() + " were accurate, " + f.gap() + " the warning threshold of "
                    + f.threshold() + ".";
        }
        return f.levelName() + ": only " + f.accuracy() + " of resolved predictions over "
                + f.windowDescription() + " were accurate, " + f.gap() + " the " + f.thresholdName()
                + " threshold of " + f.threshold() + ".";
    }

    /** The figures as (label, value) rows, shared with the HTML table. */
    static List<String[]> figures(AccuracyFacts f) {
        return List.of(
                new String[] {"Accuracy", f.accuracy() + " (threshold " + f.threshold() + ")"},
                new String[] {"False-positive rate", f.falsePositiveRate() + " (predicted whales that never confirmed)"},
                new String[] {"Sample size", f.sampleSize() + " resolved predictions (minimum " + f.minimumSamples() + ")"},
                new String[] {"Accurate", Long.toString(f.accurate())},
                new String[] {"Dropped", Long.toString(f.dropped())},
                new String[] {"Window", f.window() + " (" + f.windowDescription() + ")"},
                new String[] {"Measured at", f.at()},
                new String[] {"Event id", f.eventId()});
    }

    static String text(AccuracyFacts f) {
        StringBuilder b = new StringBuilder();
        b.append(headline(f)).append("\n\n");
        for (String[] row : figures(f)) {
            b.append(String.format(java.util.Locale.ROOT, "  %-21s %s\n", row[0] + ":", row[1]));
        }
        if (f.recovered()) {
            b.append("\nNo action is needed. If accuracy drops again you will get a new alert.\n");
        } else {
            b.append("\nWhat to check:\n");
            for (String[] check : CHECKS) {
                b.append("  - ").append(check[0]).append(": ").append(check[1]).append(".\n");
            }
        }
        b.append("\n-- \n").append(footer());
        return b.toString();
    }

    static String footer() {
        return "Sent by whalewatch because ALERT_EMAIL_TO lists this address.\n";
    }
}
