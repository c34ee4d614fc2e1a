package lesson5.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lesson5.checks.Scene.HeapShape;
import lesson5.checks.Scene.ThreadShape;
import lesson5.demo.Plan;
import lesson5.demo.Plan.Event;
import lesson5.demo.Plan.Event.Kind;

/**
 * The runs each check watches, drawn at random within ranges chosen so that every shortcut a rule might take
 * meets, in every check, a run on which it gives the wrong answer. A run's heap and threads are drawn apart:
 * a heap leak comes with steady threads and a thread leak with a steady heap.
 *
 * <p>Levels keep leaks and healthy runs apart on every size, so that a fixed threshold fails one or the other: the
 * alerts' leaking heap starts at 8 to 25 MB and cannot pass 105 MB in the window, a healthy one holds 120 to 170 MB; a
 * thread leak runs with 5 to 20 idle threads and cannot pass about 140 threads, a healthy service keeps 150 to 190
 * idle.
 *
 * <p>One-off events sit where the floors of three equal parts of the window see them as they should: a step in
 * the first part after its floor was taken (so the later floors are higher), a spike from 1.3 s before the end
 * (after the last part's floor was taken, and lasting past the window). Times count from the window's opening.
 */
final class Scenes {

    /**
     * The client compiler only: several JVMs share two cores with the check, and C2's compilations of the JMX
     * code that answers the samplers would cost more CPU than the service itself.
     */
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * A collector whose full collections measure the whole live set to the byte, run by {@link #fullCollections()}
     * every half second: as often as a check needs, and free of the garbage that a concurrent collector finds in
     * flight and counts as live (with ZGC, healthy floors drifted by up to 4 MB a second on a busy machine).
     */
    private static final List<String> MEASURING = List.of("-XX:+UseParallelGC");
    private static final long COLLECTION_INTERVAL = 500;
    /**
     * When a run whose heap must be nearly full at the end tops its live set up: long enough before the window for
     * the load and a collection after it.
     */
    private static final long FILL_AT = -1500;
    /** Collectors that leave a big young generation alone until it fills: no collection in the window. */
    private static final List<String> QUIET_COLLECTORS = List.of("-XX:+UseParallelGC", "-XX:+UseSerialGC",
            "-XX:+UseG1GC");
    private static final long MIDDLE = WatchedRuns.WINDOW.toMillis() / 2;
    private static final long END_SPIKE = WatchedRuns.WINDOW.toMillis() - 1300;
    /** Long enough to last past the window's end whatever the jitter of the samplers' start. */
    private static final long END_SPIKE_LASTS = 2500;

    private Scenes() {
    }

    /**
     * For heap-leak-alert: a heap leak, threads that leak beside a level heap, a cache loaded once, a quiet
     * collector and a spike at the end. Only the heap leak has a heap that misbehaves and only the thread leak has
     * threads that do, so each run shows one thing.
     */
    static List<Scene> forHeapAlert(Random random) {
        return List.of(scene(growingHeap(random), steadyThreads(random)),
                scene(steadyHeap(random), stuckThreads(random, anyState(random))),
                scene(steppedHeap(random), steadyThreads(random)),
                scene(quietHeap(random), steadyThreads(random)),
                scene(spikedHeap(random), steadyThreads(random)));
    }

    /**
     * For thread-climb-alert: a heap leak with steady threads, threads stuck WAITING and threads stuck in another
     * state, a pool resized once, and a pool that fills slowly and surges at the end.
     */
    static List<Scene> forThreadAlert(Random random) {
        Thread.State other = random.nextBoolean() ? Thread.State.TIMED_WAITING : Thread.State.BLOCKED;
        return List.of(scene(growingHeap(random), steadyThreads(random)),
                scene(steadyHeap(random), stuckThreads(random, Thread.State.WAITING)),
                scene(steadyHeap(random), stuckThreads(random, other)),
                scene(steadyHeap(random), resizedThreads(random)),
                scene(steadyHeap(random), surgingThreads(random)));
    }

    /** For alert-message: a heap leak near its maximum with a spike at the end, and three healthy heaps. */
    static List<Scene> forPager(Random random) {
        return List.of(scene(nearlyFullHeap(random), steadyThreads(random)),
                scene(spikedHeap(random), steadyThreads(random)),
                scene(steppedHeap(random), steadyThreads(random)),
                scene(quietHeap(random), steadyThreads(random)));
    }

    /**
     * A cache growing 4 to 7 MB a second from a low baseline, light traffic, small bursts, and a report that holds
     * 15 to 20 MB for a second in the middle of the window: the live set dips when it is dropped, though its floors
     * rise part after part.
     */
    private static HeapPart growingHeap(Random random) {
        return new HeapPart(HeapShape.GROWING, MEASURING, between(random, 256, 320),
                new Plan.Heap(between(random, 8, 25), between(random, 5, 15), between(random, 6, 12),
                        decimal(random, 4, 7), 0),
                withFullCollections(new Event(Kind.HOLD, MIDDLE - 250, between(random, 15, 20), 1000)));
    }

    /**
     * A cache growing 6 to 9 MB a second, topped up before the window so that the heap is full 10 to 14 s
     * after it closes: close enough that the live set's rise over the window is a third or more of the room left
     * (a time left counted from an earlier floor is that far off), and a report that holds nearly half of that room
     * through the end, so that heap used is then far above the live set. On ZGC, whose two generations each report
     * the whole maximum as their limit, with a full collection every half second and light traffic: what ZGC
     * counts as live includes what was allocated while it ran.
     */
    private static HeapPart nearlyFullHeap(Random random) {
        int maxMb = between(random, 320, 448);
        double leak = decimal(random, 6, 9);
        double windowEnd = WatchedRuns.WINDOW.toMillis() / 1000.0;
        // 60 MB of room at least: the report held at the end, a burst and the garbage in flight fit in it.
        double roomMb = leak * between(random, 10, 14);
        int liveAtFillMb = (int) (maxMb - roomMb - leak * (windowEnd - FILL_AT / 1000.0));
        return new HeapPart(HeapShape.GROWING, List.of("-XX:+UseZGC"), maxMb,
                new Plan.Heap(between(random, 8, 25), between(random, 3, 6), between(random, 6, 12), leak, 0),
                withFullCollections(new Event(Kind.LOAD_UP_TO, FILL_AT, liveAtFillMb, 0),
                        new Event(Kind.HOLD, END_SPIKE, (int) (0.45 * roomMb), END_SPIKE_LASTS)));
    }

    /** A level live set, light traffic and small bursts. */
    private static HeapPart steadyHeap(Random random) {
        return new HeapPart(HeapShape.STEADY, MEASURING, 384,
                new Plan.Heap(between(random, 120, 170), between(random, 5, 10), between(random, 5, 15), 0, 0),
                fullCollections());
    }

    /**
     * A cache that warms up at 0.3 to 0.6 MB a second, and another of 50 to 70 MB loaded once, in the first part of
     * the window after its floor was taken. The floors rise part after part, the later ones far above the first; but
     * the last step, at the warming's pace, is well below any leak's.
     */
    private static HeapPart steppedHeap(Random random) {
        long third = WatchedRuns.WINDOW.toMillis() / 3;
        return new HeapPart(HeapShape.STEPPED, MEASURING, 512,
                new Plan.Heap(between(random, 120, 170), between(random, 3, 8), between(random, 5, 10), 0,
                        decimal(random, 0.3, 0.6)),
                withFullCollections(new Event(Kind.LOAD, third / 2 + between(random, -100, 100),
                        between(random, 50, 70), 0)));
    }

    /**
     * A quiet spell: light traffic and a young generation big enough that, after a collection just before the
     * window, none runs until it ends. Heap used climbs with garbage; the live set stays where the collection
     * found it.
     */
    private static HeapPart quietHeap(Random random) {
        List<String> flags = List.of(QUIET_COLLECTORS.get(random.nextInt(QUIET_COLLECTORS.size())), "-Xmn512m");
        return new HeapPart(HeapShape.QUIET, flags, 1024,
                new Plan.Heap(between(random, 120, 170), between(random, 6, 12), between(random, 5, 15), 0, 0),
                List.of(new Event(Kind.COLLECT, -300, 0, 0)));
    }

    /**
     * A report that holds 20 to 25 MB for a second in the middle of the window and one that holds 60 to 100 MB
     * through its end: the live set's mean rises part after part, its floors do not. Light traffic and small bursts
     * keep the means' noise below those steps.
     */
    private static HeapPart spikedHeap(Random random) {
        return new HeapPart(HeapShape.SPIKED_AT_END, MEASURING, 512,
                new Plan.Heap(between(random, 120, 170), between(random, 10, 15), between(random, 10, 20), 0, 0),
                withFullCollections(new Event(Kind.HOLD, MIDDLE - 250, between(random, 20, 25), 1000),
                        new Event(Kind.HOLD, END_SPIKE, between(random, 60, 100), END_SPIKE_LASTS)));
    }

    /** A full collection every half second from just before the window opens until just after it closes. */
    private static List<Event> fullCollections() {
        List<Event> collections = new ArrayList<>();
        for (long at = -COLLECTION_INTERVAL; at <= WatchedRuns.WINDOW.toMillis(); at += COLLECTION_INTERVAL) {
            collections.add(new Event(Kind.COLLECT, at, 0, 0));
        }
        return collections;
    }

    private static List<Event> withFullCollections(Event... events) {
        List<Event> all = new ArrayList<>(fullCollections());
        all.addAll(List.of(events));
        return all;
    }

    /** Many idle threads and a pool that swings by 30 to 60 workers. */
    private static ThreadPart steadyThreads(Random random) {
        return new ThreadPart(ThreadShape.STEADY, new Plan.Threads(between(random, 150, 190),
                between(random, 30, 60), 0, Thread.State.WAITING, 0), List.of());
    }

    /** Few idle threads, small swings, and 3 to 6 threads a second that never end. */
    private static ThreadPart stuckThreads(Random random, Thread.State state) {
        return new ThreadPart(ThreadShape.STUCK, new Plan.Threads(between(random, 5, 20), between(random, 4, 20),
                decimal(random, 3, 6), state, 0), List.of());
    }

    /** A steady service whose fixed pool is resized once, by 20 to 40 threads, in the middle of the window. */
    private static ThreadPart resizedThreads(Random random) {
        return new ThreadPart(ThreadShape.RESIZED, steadyThreads(random).threads(),
                List.of(new Event(Kind.RESIZE, MIDDLE + between(random, -300, 300), between(random, 20, 40), 0)));
    }

    /**
     * A steady service whose connection pool opens a reader thread every second or so (its floor rises in every
     * part of the window, far slower than a leak), and a batch of 100 to 140 tasks through the end of the window.
     */
    private static ThreadPart surgingThreads(Random random) {
        Plan.Threads steady = steadyThreads(random).threads();
        return new ThreadPart(ThreadShape.SURGING, new Plan.Threads(steady.idle(), steady.poolSwing(), 0,
                Thread.State.WAITING, decimal(random, 0.7, 1.0)),
                List.of(new Event(Kind.SURGE, END_SPIKE, between(random, 100, 140), END_SPIKE_LASTS)));
    }

    private static Thread.State anyState(Random random) {
        Thread.State[] states = {Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED};
        return states[random.nextInt(states.length)];
    }

    private static Scene scene(HeapPart heap, ThreadPart threads) {
        List<String> flags = new ArrayList<>(heap.flags());
        flags.add("-Xmx" + heap.maxMb() + "m");
        flags.add(QUICK_JIT);
        List<Event> events = new ArrayList<>(heap.events());
        events.addAll(threads.events());
        return new Scene(heap.shape(), threads.shape(), flags, (long) heap.maxMb() << 20,
                new Plan(heap.heap(), threads.threads(), events));
    }

    private static int between(Random random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private static double decimal(Random random, double from, double to) {
        return Math.round(random.nextDouble(from, to) * 10) / 10.0;
    }

    private record HeapPart(HeapShape shape, List<String> flags, int maxMb, Plan.Heap heap, List<Event> events) {}

    private record ThreadPart(ThreadShape shape, Plan.Threads threads, List<Event> events) {}
}
