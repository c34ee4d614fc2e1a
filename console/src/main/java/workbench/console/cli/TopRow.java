package workbench.console.cli;

import java.util.Locale;

/** One row of {@code top}: a label, a value and, when there are two readings or more, a sparkline. */
final class TopRow {

    /** Characters of a sparkline. */
    static final int SPARKLINE_WIDTH = 30;

    private TopRow() {
    }

    static String of(String label, String value, String sparkline) {
        return String.format(Locale.ROOT, "%-11s %-32s %s%n", label, value, sparkline);
    }
}
