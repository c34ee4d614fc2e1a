package lesson5.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one run of {@link WatchedService} does: how its heap and its threads behave, and a few one-off events at
 * set times. The heap and the threads leak or not independently, and each healthy habit (bursts, a pool that
 * grows and shrinks, a pool that fills up slowly, a cache replaced by a bigger one) looks like a leak to some rule
 * or other.
 *
 * @param heap    what the heap holds and how fast garbage comes
 * @param threads which threads run, and whether some never end
 * @param events  one-off events, each at a time counted from the moment a watcher's window opens
 *                (see {@link WatchedService#openWindowAt(long)})
 */
public record Plan(Heap heap, Threads threads, List<Event> events) {

    public Plan {
        events = List.copyOf(events);
    }

    /**
     * @param baselineMb         long-lived data held from the start: the live set's floor
     * @param trafficMbPerSecond short-lived garbage made by requests: the sawtooth of heap used
     * @param burstMb            what a report holds for a moment, every second or so, before dropping it
     * @param leakMbPerSecond    how fast a cache that only grows is filled (0: no heap leak)
     * @param warmingMbPerSecond how fast a bounded cache fills towards its maximum: a cache warming up, or a batch's
     *                           results until they are flushed
     */
    public record Heap(int baselineMb, int trafficMbPerSecond, int burstMb, double leakMbPerSecond,
                       double warmingMbPerSecond) {

        /** Whether the heap leaks. */
        public boolean leaks() {
            return leakMbPerSecond > 0;
        }
    }

    /**
     * @param idle             threads of a fixed pool that wait for work from start to end
     * @param poolSwing        how many workers a burst of work adds to an elastic pool, all gone soon after
     * @param leakPerSecond    how fast threads are started that never end (0: no thread leak)
     * @param stuckIn          the states those threads stay in, taken in turn from one thread to the next: WAITING,
     *                         TIMED_WAITING, BLOCKED, or RUNNABLE (in a socket read that never returns)
     * @param warmingPerSecond how fast a connection pool opens reader threads towards its maximum: a slow, bounded
     *                         rise
     */
    public record Threads(int idle, int poolSwing, double leakPerSecond, List<Thread.State> stuckIn,
                          double warmingPerSecond) {

        public Threads {
            stuckIn = List.copyOf(stuckIn);
        }

        /** Whether threads leak. */
        public boolean leaks() {
            return leakPerSecond > 0;
        }
    }

    /**
     * Something that happens once.
     *
     * @param kind      what happens
     * @param atMillis  when, counted from the moment a watcher's window opens; may be before it
     * @param amount    MB for {@link Kind#LOAD}, {@link Kind#LOAD_UP_TO} and {@link Kind#HOLD},
     *                  threads for {@link Kind#RESIZE}, {@link Kind#SURGE} and {@link Kind#CONTEND}, KB a second for
     *                  {@link Kind#LEAK_PACE}, threads a minute for {@link Kind#THREAD_LEAK_PACE}, tasks a second
     *                  for {@link Kind#THREAD_PER_TASK}
     * @param forMillis how long a {@link Kind#HOLD}, the tasks of a {@link Kind#SURGE} or
     *                  {@link Kind#THREAD_PER_TASK}, or the lock of a {@link Kind#CONTEND} last
     */
    public record Event(Kind kind, long atMillis, int amount, long forMillis) {

        /** What an {@link Event} does. */
        public enum Kind {
            /** A cache is loaded once and kept: the live set steps up and stays there. */
            LOAD,
            /**
             * A cache is loaded until the service's long-lived data comes to {@code amount} MB in all, whatever a
             * leak added before: the live set at a set level when the window opens, however long the start took.
             */
            LOAD_UP_TO,
            /** A report holds a tall burst for a while, then drops it. */
            HOLD,
            /** A full collection ({@code System.gc()}), as at the start of a quiet spell. */
            COLLECT,
            /**
             * The caches that grow (the heap leak's and the warming one) are emptied and grow again from now, as
             * after a restart: their size in the window no longer depends on how long the service ran before it. In
             * the window, it is a batch flushing the results it kept.
             */
            RESTART_CACHES,
            /**
             * The heap leak's pace changes to {@code amount} KB a second from now on, as when the traffic that feeds
             * it changes: the cache keeps what it holds and grows from there at the new pace.
             */
            LEAK_PACE,
            /**
             * The thread leak's pace changes to {@code amount} threads a minute from now on: the threads it left stay
             * stuck, and more follow at the new pace.
             */
            THREAD_LEAK_PACE,
            /** The fixed pool is resized once, by {@code amount} more threads. */
            RESIZE,
            /** A batch of {@code amount} tasks that each last {@code forMillis} floods the elastic pool. */
            SURGE,
            /**
             * A maintenance task holds a lock for {@code forMillis} while {@code amount} threads wait to enter it,
             * BLOCKED, then all of them end: a state the service's threads are in only then.
             */
            CONTEND,
            /**
             * From now on, {@code amount} tasks a second each run on a thread started for it alone, which ends with
             * the task: threads are started all the time, while the count barely moves.
             */
            THREAD_PER_TASK
        }

        String arg() {
            return kind + ":" + atMillis + ":" + amount + ":" + forMillis;
        }

        static Event parse(String arg) {
            String[] parts = arg.split(":");
            return new Event(Kind.valueOf(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3]));
        }
    }

    /** Whether anything leaks, heap or threads. */
    public boolean leaking() {
        return heap.leaks() || threads.leaks();
    }

    /**
     * A leaking run as the console starts it: a low baseline, and a cache growing 4 to 7 MB a second, threads
     * stuck at 3 to 6 a second, or both.
     */
    public static Plan leaking(Random random) {
        int what = random.nextInt(3);
        double heapLeak = what == 1 ? 0 : 4 + random.nextInt(31) / 10.0;
        double threadLeak = what == 0 ? 0 : 3 + random.nextInt(31) / 10.0;
        Thread.State[] states = {Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED,
                Thread.State.RUNNABLE};
        return new Plan(new Heap(8 + random.nextInt(12), 25, 6 + random.nextInt(6), heapLeak, 0),
                new Threads(5 + random.nextInt(10), 4 + random.nextInt(4), threadLeak,
                        List.of(states[random.nextInt(states.length)]), 0), List.of());
    }

    /**
     * A healthy run as the console starts it: a baseline above anything a leaking run reaches in its first
     * seconds, bursts larger than that growth, more idle threads, and a pool that swings by more workers than a
     * leak adds.
     */
    public static Plan healthy(Random random) {
        return new Plan(new Heap(125 + random.nextInt(20), 25, 80 + random.nextInt(20), 0, 0),
                new Threads(120 + random.nextInt(30), 80 + random.nextInt(30), 0, List.of(Thread.State.WAITING), 0),
                List.of());
    }

    /** A leaking or healthy run, by a coin toss. */
    public static Plan random(Random random) {
        return random.nextBoolean() ? leaking(random) : healthy(random);
    }

    /** The plan as program arguments, for {@link WatchedService#main(String[])}. */
    public String[] args() {
        List<String> args = new ArrayList<>(List.of(
                "baselineMb=" + heap.baselineMb, "trafficMbPerSecond=" + heap.trafficMbPerSecond,
                "burstMb=" + heap.burstMb, "leakMbPerSecond=" + heap.leakMbPerSecond,
                "warmingMbPerSecond=" + heap.warmingMbPerSecond, "idle=" + threads.idle,
                "poolSwing=" + threads.poolSwing, "leakPerSecond=" + threads.leakPerSecond,
                "stuckIn=" + threads.stuckIn.stream().map(Thread.State::name).collect(Collectors.joining("+")),
                "warmingPerSecond=" + threads.warmingPerSecond));
        events.forEach(event -> args.add("event=" + event.arg()));
        return args.toArray(String[]::new);
    }

    /** The plan that {@link #args()} wrote. */
    public static Plan parse(String[] args) {
        Map<String, String> values = Arrays.stream(args).filter(arg -> !arg.startsWith("event="))
                .collect(Collectors.toMap(arg -> arg.substring(0, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        Function<String, Integer> integer = key -> Integer.parseInt(values.get(key));
        Function<String, Double> decimal = key -> Double.parseDouble(values.get(key));
        List<Event> events = Arrays.stream(args).filter(arg -> arg.startsWith("event="))
                .map(arg -> Event.parse(arg.substring("event=".length()))).toList();
        return new Plan(new Heap(integer.apply("baselineMb"), integer.apply("trafficMbPerSecond"),
                integer.apply("burstMb"), decimal.apply("leakMbPerSecond"), decimal.apply("warmingMbPerSecond")),
                new Threads(integer.apply("idle"), integer.apply("poolSwing"), decimal.apply("leakPerSecond"),
                        Arrays.stream(values.get("stuckIn").split("\\+")).map(Thread.State::valueOf).toList(),
                        decimal.apply("warmingPerSecond")), events);
    }
}
