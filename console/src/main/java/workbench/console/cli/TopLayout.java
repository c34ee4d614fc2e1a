package workbench.console.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.sampling.Sparklines;

/**
 * The rows of {@code top}, laid out for the terminal's width: a label, a value and, where the line has room, a
 * sparkline of recent values. A value too long for the line wraps at spaces under itself.
 */
final class TopLayout {

    private static final int LABEL = 11;
    private static final int VALUE = 32;
    private static final int MAX_SPARKLINE = 30;
    /** Narrower than this, a sparkline shows too few readings to be worth its room. */
    private static final int MIN_SPARKLINE = 8;
    private static final int NARROWEST = LABEL + 1 + 16;

    private final int width;

    /** @param width the terminal's columns */
    TopLayout(int width) {
        this.width = Math.max(width, NARROWEST);
    }

    /** A title line, cut to the width with an ellipsis rather than wrapped. */
    String title(String text) {
        return (text.length() <= width ? text : text.substring(0, width - 1) + "…") + "\n";
    }

    /** A row without a sparkline. */
    String row(String label, String value) {
        return row(label, value, new double[0]);
    }

    /** A row with a sparkline of {@code recent} (oldest first) when there are two or more and room for it. */
    String row(String label, String value, double[] recent) {
        int sparkline = Math.min(MAX_SPARKLINE, width - LABEL - 1 - VALUE - 1);
        if (recent.length >= 2 && sparkline >= MIN_SPARKLINE && value.length() <= VALUE) {
            return String.format(Locale.ROOT, "%-" + LABEL + "s %-" + VALUE + "s %s%n", label, value,
                    Sparklines.of(recent, sparkline));
        }
        return wrapped(label, value);
    }

    private String wrapped(String label, String value) {
        int room = width - LABEL - 1;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return String.format(Locale.ROOT, "%-" + LABEL + "s ", label)
                + String.join("\n" + " ".repeat(LABEL + 1), lines) + "\n";
    }
}
