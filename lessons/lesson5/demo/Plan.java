package lesson5.demo;

import java.util.Random;

/**
 * What one run of {@link WatchedService} does. A leaking run retains a cache that grows at a steady rate and
 * starts threads that never end; a healthy run does neither, but allocates in large bursts and runs a pool that
 * grows and shrinks a lot. Baselines differ from run to run, so no fixed threshold tells the two apart.
 *
 * @param leaking        whether the run leaks heap and threads
 * @param baselineMb     long-lived data held from the start: the live set's floor
 * @param leakMbPerSecond how fast the retained cache grows (0 when healthy)
 * @param burstMb        how much a burst allocates and holds for a moment before dropping it
 * @param idleThreads    threads that wait for work from start to end
 * @param threadsPerSecond how fast threads leak (0 when healthy)
 * @param poolSwing      how many workers a burst of work adds to the elastic pool, all gone soon after
 */
public record Plan(boolean leaking, int baselineMb, double leakMbPerSecond, int burstMb, int idleThreads,
                   double threadsPerSecond, int poolSwing) {

    /**
     * A leaking run: a low baseline, a cache growing 4 to 7 MB a second, small bursts, few idle threads,
     * 3 to 6 leaked threads a second and small swings of the pool.
     */
    public static Plan leaking(Random random) {
        return new Plan(true, 8 + random.nextInt(12), 4 + random.nextInt(31) / 10.0, 6 + random.nextInt(6),
                5 + random.nextInt(10), 3 + random.nextInt(31) / 10.0, 4 + random.nextInt(4));
    }

    /**
     * A healthy run: a baseline above anything a leaking run reaches in its first seconds, bursts larger than
     * that growth, more idle threads, and a pool that swings by more workers than a leak adds.
     */
    public static Plan healthy(Random random) {
        return new Plan(false, 125 + random.nextInt(20), 0, 80 + random.nextInt(20), 120 + random.nextInt(30), 0,
                80 + random.nextInt(30));
    }

    /** A leaking or healthy run, by a coin toss. */
    public static Plan random(Random random) {
        return random.nextBoolean() ? leaking(random) : healthy(random);
    }

    /** The plan as program arguments, for {@link WatchedService#main(String[])}. */
    public String[] args() {
        return new String[] {Boolean.toString(leaking), Integer.toString(baselineMb), Double.toString(leakMbPerSecond),
                Integer.toString(burstMb), Integer.toString(idleThreads), Double.toString(threadsPerSecond),
                Integer.toString(poolSwing)};
    }

    /** The plan that {@link #args()} wrote. */
    public static Plan parse(String[] args) {
        return new Plan(Boolean.parseBoolean(args[0]), Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Double.parseDouble(args[5]),
                Integer.parseInt(args[6]));
    }
}
