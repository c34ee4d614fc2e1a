package lesson6.demo;

/**
 * The demo's busy work, and how many of its steps take a millisecond of one processor on this machine, measured
 * once. A step is a xorshift that depends on the one before, which the JIT can neither skip nor fold.
 */
final class Cpu {

    static final long STEPS_PER_MILLI = calibrate();

    private Cpu() {
    }

    /** Runs {@code steps} steps from {@code seed} and returns the result, so that nothing can be skipped. */
    static long spin(long steps, long seed) {
        long hash = seed;
        for (long i = steps; i > 0; i--) {
            hash ^= hash << 13;
            hash ^= hash >>> 7;
            hash ^= hash << 17;
            hash += i;
        }
        return hash;
    }

    /** The fastest of several timed runs, after a warm-up long enough for the JIT to compile {@link #spin}. */
    private static long calibrate() {
        long steps = 500_000;
        long sink = 0;
        long warmUntil = System.nanoTime() + 300_000_000;
        while (System.nanoTime() < warmUntil) {
            sink += spin(steps, sink);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            sink += spin(steps, sink);
            best = Math.min(best, System.nanoTime() - start);
        }
        return sink == 42 ? steps : Math.max(1, steps * 1_000_000 / best);
    }
}
