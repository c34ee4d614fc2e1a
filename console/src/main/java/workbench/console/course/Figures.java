package workbench.console.course;

import java.util.Locale;
import java.util.OptionalDouble;

/** Figures as the learner types and reads them: {@code 1,000}, {@code 2.5}, {@code 1e3}. */
public final class Figures {

    private Figures() {
    }

    /** The figure typed, thousands separators and underscores allowed; empty when it is not a number. */
    public static OptionalDouble parse(String typed) {
        try {
            double value = Double.parseDouble(typed.strip().replace(",", "").replace("_", ""));
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Whole numbers with separators, others with up to three significant decimals. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.1f" : "%.3g", value);
    }
}
