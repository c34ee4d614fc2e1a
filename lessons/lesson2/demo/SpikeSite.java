package lesson2.demo;

import java.time.Duration;
import java.util.Random;

/** A place in the demo's code that now and then allocates a burst of memory. */
interface SpikeSite {

    /** Allocates about {@code bytes} in a burst at the given pace, keeping part of it alive until it is over. */
    void allocate(long bytes, Random random, Pace pace) throws InterruptedException;

    /**
     * How fast a burst allocates. The site asks after each chunk how long to rest and sleeps itself, so that
     * whatever sleeping allocates is sampled in the spike site's own frame, not in a helper's.
     *
     * @param bytes     the burst's size; 0 for as fast as it goes, resting 4 ms after each 4 MiB of every 8, as a
     *                  real request would spread over tens of milliseconds
     * @param length    how long the burst takes
     * @param start     {@link System#nanoTime()} at its start
     * @param warmsUp   whether the first two fifths of the time allocate only a quarter of the bytes, as a batch
     *                  job warms up, or the bytes come at an even pace
     * @param chunk     the size of every chunk, or 0 for sizes from 256 KiB to 4 MiB (512 KiB to 1 MiB at an even
     *                  pace, so that each tick of it allocates nearly the same)
     * @param made      told after every chunk: the first one marks when the burst really began
     */
    record Pace(long bytes, Duration length, long start, boolean warmsUp, int chunk, Runnable made) {

        /** A site's everyday work: chunks of 1.5 MiB, each too large for a thread's TLAB, so JFR sees every one. */
        static final Pace EVERYDAY = new Pace(0, Duration.ZERO, 0, false, 3 << 19, () -> { });
        private static final long FAST_REST_MILLIS = 4;

        /** As fast as it goes. */
        static Pace fast(Runnable made) {
            return new Pace(0, Duration.ZERO, 0, false, 0, made);
        }

        /** The first two fifths of the time allocate a quarter of the bytes, the rest three quarters. */
        static Pace warmingUp(long bytes, Duration length, long start, Runnable made) {
            return new Pace(bytes, length, start, true, 0, made);
        }

        /** The bytes spread evenly over the length. */
        static Pace even(long bytes, Duration length, long start, Runnable made) {
            return new Pace(bytes, length, start, false, 0, made);
        }

        /** The next chunk's size: under G1 with small regions the larger ones are humongous. */
        int chunkSize(Random random) {
            return chunk > 0 ? chunk : bytes > 0 && !warmsUp ? (512 << 10) << random.nextInt(2)
                    : (256 << 10) << random.nextInt(5);
        }

        /** Notes that {@code allocated} bytes of the burst are made; returns how many milliseconds to rest now. */
        long afterChunk(long allocated) {
            made.run();
            if (bytes == 0) {
                return allocated % (8 << 20) < (4 << 20) ? FAST_REST_MILLIS : 0;
            }
            double share = Math.min(1, (double) allocated / bytes);
            double due = !warmsUp ? share : share <= 0.25 ? share / 0.25 * 0.4 : 0.4 + (share - 0.25) / 0.75 * 0.6;
            long dueNanos = start + (long) (due * length.toNanos());
            return Math.max(0, (dueNanos - System.nanoTime()) / 1_000_000);
        }
    }
}
