package lesson3.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Who does what in one run of {@link LeakyThreads}: which pool leaks and on what, which pools are decoys.
 * Drawn from a seed, so that a hidden check can start the demo in another JVM and still know the answer.
 *
 * @param leaking     the pool that leaks one stuck thread every {@code leakMillis}
 * @param primitive   what its stuck threads wait on
 * @param steady      a big fixed pool of idle workers: waiting, but never growing
 * @param steadySize  how many workers the steady pool has
 * @param bursty      pools whose threads wait a while in bursts, then end
 * @param shrinking   a pool that loses one thread per leak period, keeping the total flat; null when absent
 * @param shrinkSize  how many threads the shrinking pool starts with
 * @param leakMillis  the period of the leak
 * @param maxBurst    the most tasks a bursty pool starts at once
 */
public record Plan(String leaking, Primitive primitive, String steady, int steadySize, List<String> bursty,
                   String shrinking, int shrinkSize, long leakMillis, int maxBurst) {

    /** What a leaked thread waits on forever. */
    public enum Primitive { QUEUE, LATCH, LOCK }

    private static final List<String> NAMES = List.of("orders", "invoices", "reports", "thumbnails", "mailer",
            "audit", "search", "billing", "pricing", "geocoder", "exports", "webhooks");

    public Plan {
        bursty = List.copyOf(bursty);
    }

    /**
     * A random plan; {@code flatTotal} adds a pool that shrinks faster than the leak grows, and keeps bursts
     * small, so that the total thread count stays flat or even falls while the leak grows.
     */
    public static Plan random(Random random, boolean flatTotal) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        long leakMillis = 300 + random.nextInt(100);
        return new Plan(names.get(0), Primitive.values()[random.nextInt(Primitive.values().length)], names.get(1),
                36 + random.nextInt(8), List.of(names.get(2), names.get(3)), flatTotal ? names.get(4) : null,
                90 + random.nextInt(20), leakMillis, flatTotal ? 3 : 13);
    }

    /** How often the shrinking pool lets a thread go: twice as fast as the leak adds one. */
    public long shrinkMillis() {
        return leakMillis / 2;
    }

    /** The plan a seed gives; the same seed always gives the same plan. */
    public static Plan fromSeed(long seed, boolean flatTotal) {
        return random(new Random(seed), flatTotal);
    }

    /** Every pool of the run, in a fixed order that says nothing about roles. */
    public List<String> pools() {
        List<String> pools = new ArrayList<>(List.of(leaking, steady));
        pools.addAll(bursty);
        if (shrinking != null) {
            pools.add(shrinking);
        }
        Collections.sort(pools);
        return pools;
    }

    /** The thread name prefix of a pool's threads: {@code name-worker-}. */
    public static String threadPrefix(String pool) {
        return pool + "-worker-";
    }

    /** The pool key the library derives from those thread names: {@code name-worker-*}. */
    public static String poolKey(String pool) {
        return threadPrefix(pool) + "*";
    }
}
