package lesson1.demo;

/** Plain computation for a given time: it keeps a thread busy and never brings the JVM to a safepoint. */
final class Work {

    private Work() {}

    /** Computes until {@code millis} have passed and returns the result, so that the JIT cannot drop the loop. */
    static long spin(int millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
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
