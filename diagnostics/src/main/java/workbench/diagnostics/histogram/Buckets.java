package workbench.diagnostics.histogram;

/**
 * Log-linear bucket layout of {@link IntervalHistogram}, as HdrHistogram lays out values: exact below 128,
 * then 64 buckets per power of two, so every bucket is at most 1/64 (1.6%) wide relative to its values.
 */
final class Buckets {

    private static final int SUB_BITS = 6;
    private static final int HALF = 1 << SUB_BITS;   // 64 sub-buckets per power of two
    private static final int EXACT = HALF * 2;       // values below 128 get a bucket each

    /** Enough buckets for every non-negative long. */
    static final int COUNT = (63 - SUB_BITS) * HALF + EXACT;

    private Buckets() {}

    static int index(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        int sub = (int) (value >>> shift);             // the top seven bits: 64..127
        return shift * HALF + sub;
    }

    static long upperBound(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = index / HALF - 1;
        long sub = index % HALF + HALF;
        long next = (sub + 1) << shift;
        return next <= 0 ? Long.MAX_VALUE : next - 1;
    }
}
