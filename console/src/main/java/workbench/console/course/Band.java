package workbench.console.course;

import java.util.Locale;

/**
 * How close a prediction must come to the measurement to count as close: within a factor ({@code x2}: from half
 * to twice the measurement) or within an absolute distance ({@code ±5}), for figures that can be zero.
 */
public record Band(boolean factor, double amount) {

    public Band {
        if (!(amount > 0) || factor && amount <= 1) {
            throw new IllegalArgumentException("a band is x<factor above 1> or ±<distance above 0>, not " + amount);
        }
    }

    /** Reads {@code x2}, {@code ×1.5}, {@code ±5} or {@code +-5}. */
    public static Band parse(String text) {
        String band = text.strip();
        try {
            if (band.startsWith("x") || band.startsWith("×")) {
                return new Band(true, Double.parseDouble(band.substring(1)));
            }
            if (band.startsWith("±") || band.startsWith("+-")) {
                return new Band(false, Double.parseDouble(band.substring(band.startsWith("±") ? 1 : 2)));
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("a band is written x2 (within a factor) or ±5 (within a distance), not '"
                + text + "'");
    }

    /** Whether {@code guess} lies within the band around {@code measured}. */
    public boolean holds(double guess, double measured) {
        if (!factor) {
            return Math.abs(guess - measured) <= amount;
        }
        if (guess <= 0 || measured <= 0) {
            return guess == measured;
        }
        return Math.max(guess, measured) / Math.min(guess, measured) <= amount;
    }

    @Override
    public String toString() {
        return factor ? String.format(Locale.ROOT, "within a factor of %s", Figures.format(amount))
                : String.format(Locale.ROOT, "within ±%s", Figures.format(amount));
    }
}
