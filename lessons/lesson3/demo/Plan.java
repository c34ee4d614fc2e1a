package lesson3.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Who does what in one run of {@link LeakyThreads}: which pool leaks and on what, which pools are decoys.
 * Drawn from a seed, so that a hidden check can start the demo in another JVM and still know the answer.
 *
 * @param shape       which decoys the run has
 * @param leaking     the pool that leaks one stuck thread every {@code leakMillis}; in a {@link Shape#NO_LEAK} run
 *                    it serves only short healthy bursts
 * @param primitive   what its stuck threads wait on
 * @param leakMillis  the period of the leak
 * @param leakDelay   how long, in milliseconds, each leaking task first waits with a time limit (calls to a slow
 *                    backend, {@link #BACKEND_TRIES} of them) before it waits forever
 * @param steady      a fixed pool of idle workers: waiting, but never growing
 * @param steadySize  how many workers the steady pool has
 * @param bursty      pools whose threads wait a while in bursts, then end
 * @param maxBurst    the most tasks a bursty pool starts at once
 * @param shrinking   a pool that loses two threads per leak period, so that the total falls for
 *                    {@link #FALLS_MILLIS}; null when absent
 * @param shrinkSize  how many threads the shrinking pool starts with
 * @param warming     a pool that gains a thread faster than the leak does, each idling with a time limit for new
 *                    work; null when absent
 * @param rising      a pool under traffic that rises for {@link #RISES_MILLIS}, each request waiting without a time
 *                    limit for a reply that comes within {@link #LONGEST_REPLY_MILLIS}: its count of such threads
 *                    climbs faster than the leak's; null when absent
 * @param chatting    a pool that gains a thread every {@link #CHAT_EVERY_MILLIS} for {@link #RISES_MILLIS}, each
 *                    waiting without a time limit for reply after reply, on a fresh latch each time, as long as
 *                    the service runs: in every snapshot its new threads wait on the same kind of blocker, yet they
 *                    wake every few hundred milliseconds; null when absent
 * @param waving      a pool whose threads come in waves of {@link #WAVE_SIZE}, every {@link #WAVE_EVERY_MILLIS}
 *                    and whenever the service is told {@link lesson3.demo.LeakyThreads#WAVE}: each wave waits
 *                    without a time limit on one latch, released {@link #WAVE_HOLD_MILLIS} later; null when absent
 */
public record Plan(Shape shape, String leaking, Primitive primitive, long leakMillis, long leakDelay, String steady,
                   int steadySize, List<String> bursty, int maxBurst, String shrinking, int shrinkSize,
                   String warming, String rising, String chatting, String waving) {

    /** What a leaked thread waits on forever. */
    public enum Primitive {
        /**
         * A reply queue nobody will ever put to: WAITING, parked on the same kind of blocker as an idle pool
         * worker's task queue, so that only being stuck since it was born tells the two apart.
         */
        QUEUE,
        /** A monitor held forever by a thread that itself waits forever: BLOCKED. */
        MONITOR,
        /**
         * A hand-rolled wait for the reply, {@code LockSupport.park()} with no blocker object: WAITING on nothing a
         * thread dump can name, and never woken.
         */
        PARK,
        /**
         * A reply latch nobody will ever count down: WAITING on the very kind of blocker the healthy pools wait on
         * for replies that do come, so that only never waking tells the two apart.
         */
        LATCH
    }

    /** The decoys of a run. */
    public enum Shape {
        /**
         * The total thread count falls while the leak grows: a big pool lets two threads go per leak period, and
         * bursts stay small. The leak parks its threads (WAITING).
         */
        FALLING_TOTAL,
        /**
         * A healthy pool grows faster and more steadily than the leak, another gains threads that wait without a
         * time limit faster than the leak (under rising traffic, each woken within 0.75 s), a third gains threads
         * that wait without a time limit on the same kind of blocker in every snapshot, waking between any two
         * (conversations, reply after reply), a fourth blocks in waves, each at one moment, the leaking pool also
         * runs short healthy bursts (so its count goes down now and then), and bursts are big. The leak's threads
         * are BLOCKED on a monitor.
         */
        GROWING_DECOYS,
        /** The decoys of {@link #GROWING_DECOYS}, and nothing leaks: the answer is that no pool does. */
        NO_LEAK
    }

    /**
     * How many times a leaking task calls the slow backend, each a wait with a time limit, before it waits forever:
     * a leaked thread has waited that many times and once more, a count that says nothing of being stuck.
     */
    public static final int BACKEND_TRIES = 3;
    /** How long the warming pool keeps growing: as long as a hidden check may watch a run. */
    public static final long GROWS_MILLIS = 30_000;
    /** How long the shrinking pool keeps shrinking. */
    public static final long FALLS_MILLIS = 20_000;
    /** How long the traffic of the rising pool keeps rising: longer than a learner's watch may last. */
    public static final long RISES_MILLIS = 8_000;
    /**
     * Requests a second that the rising pool's traffic gains every second: with replies taking 0.4 s on average,
     * ten more threads waiting every second, twice as many as the leak adds.
     */
    public static final int RISE_PER_SECOND = 25;
    /**
     * The longest a request of the rising pool waits: never through four snapshots 300 ms apart, now and then
     * through three, so that threads that began waiting a moment ago may seem stuck since several snapshots.
     */
    public static final int LONGEST_REPLY_MILLIS = 750;
    /** How often the chatting pool gains a thread: twice as often as the leak, at least. */
    public static final int CHAT_EVERY_MILLIS = 100;
    /** The longest a thread of the chatting pool waits for one reply: never from one snapshot to the next. */
    public static final int LONGEST_CHAT_REPLY_MILLIS = 250;
    /** Threads in a wave: more than the leak strands in any watch of a few seconds. */
    public static final int WAVE_SIZE = 18;
    /** How long a wave waits before its latch is released: longer than a learner's watch may last. */
    public static final long WAVE_HOLD_MILLIS = 8_000;
    /** How often a wave comes by itself. */
    public static final long WAVE_EVERY_MILLIS = 15_000;

    private static final List<String> NAMES = List.of("orders", "invoices", "reports", "thumbnails", "mailer",
            "audit", "search", "billing", "pricing", "geocoder", "exports", "webhooks");

    public Plan {
        bursty = List.copyOf(bursty);
    }

    /** A random plan of the given shape. */
    public static Plan random(Random random, Shape shape) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        long leakMillis = 200 + random.nextInt(60);
        long leakDelay = 1_000 + random.nextInt(200);
        boolean falling = shape == Shape.FALLING_TOTAL;
        Primitive primitive = falling ? Primitive.QUEUE : Primitive.MONITOR;
        return new Plan(shape, names.get(0), primitive, leakMillis, leakDelay, names.get(1), 36 + random.nextInt(8),
                List.of(names.get(2), names.get(3)), falling ? 3 : 13,
                falling ? names.get(4) : null, falling ? (int) (FALLS_MILLIS / (leakMillis / 2)) + 20 : 0,
                falling ? null : names.get(4), falling ? null : names.get(5), falling ? null : names.get(6),
                falling ? null : names.get(7));
    }

    /** The same plan, its leaking threads stuck on {@code other} instead. */
    public Plan withPrimitive(Primitive other) {
        return new Plan(shape, leaking, other, leakMillis, leakDelay, steady, steadySize, bursty, maxBurst, shrinking,
                shrinkSize, warming, rising, chatting, waving);
    }

    /** The plan a seed gives; the same seed always gives the same plan. */
    public static Plan fromSeed(long seed, Shape shape) {
        return random(new Random(seed), shape);
    }

    /** Whether a pool of this run leaks. */
    public boolean leaks() {
        return shape != Shape.NO_LEAK;
    }

    /** How often the shrinking pool lets a thread go: twice as fast as the leak adds one. */
    public long shrinkMillis() {
        return leakMillis / 2;
    }

    /** How often the warming pool starts a thread: between 1.6 and 2 times as fast as the leak adds one. */
    public long warmMillis() {
        return leakMillis * 5 / 9;
    }

    /** Every pool of the run, in a fixed order that says nothing about roles. */
    public List<String> pools() {
        List<String> pools = new ArrayList<>(List.of(leaking, steady));
        pools.addAll(bursty);
        if (shrinking != null) {
            pools.add(shrinking);
        }
        if (warming != null) {
            pools.add(warming);
        }
        if (rising != null) {
            pools.add(rising);
        }
        if (chatting != null) {
            pools.add(chatting);
        }
        if (waving != null) {
            pools.add(waving);
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
