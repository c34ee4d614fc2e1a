package lesson1.demo;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Plain computation that takes a few times as long as the slowest runtime read the same service performs,
 * and never less than a floor well above the noise of an HTTP round trip on a busy machine, yet never stops
 * the world: the decoy that makes "the slowest endpoint" the wrong answer.
 */
final class Busywork {

    private static final long FLOOR_NANOS = 20_000_000;
    private static final long CEILING_NANOS = 60_000_000;
    private static final int MARGIN = 3;
    /** Weight of the newest duration in each read's moving average: outliers fade within a few calls. */
    private static final double WEIGHT = 0.2;

    private final Map<RuntimeRead, Double> averageNanos = new EnumMap<>(RuntimeRead.class);

    /** Times every read among the operations a few times, so the first busy call is already the slowest. */
    void calibrate(Collection<String> operations) {
        for (String operation : operations) {
            if (!operation.equals(MysteryService.BUSYWORK)) {
                RuntimeRead read = RuntimeRead.valueOf(operation);
                for (int i = 0; i < 8; i++) {
                    timed(read);
                }
            }
        }
    }

    /** Performs the read and folds its duration into that read's moving average. */
    Object timed(RuntimeRead read) {
        long start = System.nanoTime();
        Object result = read.read();
        double took = System.nanoTime() - start;
        synchronized (averageNanos) {
            averageNanos.merge(read, took, (average, latest) -> average + WEIGHT * (latest - average));
        }
        return result;
    }

    /** Computes for a few times the average duration of the slowest read. */
    Object run() {
        double slowest;
        synchronized (averageNanos) {
            slowest = averageNanos.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
        long spin = Math.min(CEILING_NANOS, Math.max(FLOOR_NANOS, Math.round(MARGIN * slowest)));
        long deadline = System.nanoTime() + spin;
        long x = deadline;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }
}
