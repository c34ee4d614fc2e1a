package workbench.diagnostics.sampling;

/**
 * Text sparklines for the terminal: one block character per value, scaled between the smallest and
 * largest value shown.
 *
 * {@snippet class="workbench.diagnostics.snippets.SamplingSnippets" region="sparkline"}
 */
public final class Sparklines {

    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparklines() {}

    /** One character per value; NaN values show as a space, a flat line as the lowest block. */
    public static String of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        StringBuilder line = new StringBuilder(values.length);
        for (double value : values) {
            if (Double.isNaN(value)) {
                line.append(' ');
            } else if (max == min) {
                line.append(BLOCKS[0]);
            } else {
                int level = (int) Math.round((value - min) / (max - min) * (BLOCKS.length - 1));
                line.append(BLOCKS[level]);
            }
        }
        return line.toString();
    }

    /**
     * At most {@code width} characters: when there are more values, consecutive values are averaged
     * into one character each, so the whole series stays visible.
     *
     * @throws IllegalArgumentException when width is not positive
     */
    public static String of(double[] values, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        if (values.length <= width) {
            return of(values);
        }
        double[] averaged = new double[width];
        for (int column = 0; column < width; column++) {
            int from = (int) ((long) column * values.length / width);
            int to = (int) ((long) (column + 1) * values.length / width);
            double sum = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(values[i])) {
                    sum += values[i];
                    count++;
                }
            }
            averaged[column] = count == 0 ? Double.NaN : sum / count;
        }
        return of(averaged);
    }
}
