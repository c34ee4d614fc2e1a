package lesson5.checks;

import java.time.Duration;
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
 * a heap leak comes with steady threads and a thread leak with a steady heap, but for one of thread-climb-alert's
 * thread leaks and one of alert-message's heap leaks, whose service leaks both.
 *
 * <p>Sizes keep leaks and healthy runs apart, so that neither a fixed threshold nor a share of the service's size
 * can stand for a pace. The alerts' leaking heaps grow 3 to 17 MB a second, most on 110 to 140 MB, one on 20 to
 * 30; a healthy service in a quiet spell holds 220 to 260 MB, others 120 to 170, and a small one 3 to 8 MB whose
 * cache warms up 1.3 to 1.5 MB a second, a larger share of itself each second than the busy leak's. A thread
 * leak in a small service runs with 5 to 20 idle threads, and the slower ones stay well under 150 threads, where a
 * healthy service keeps 150 to 190 idle; a thread leak in a busy service keeps as many, so that its pace is a small
 * share of its count.
 *
 * <p>One-off events sit where the floors of three equal parts of the window see them as they should: a step in
 * the first part after its floor was taken (so the later floors are higher), a spike from 1.3 s before the end
 * (after the last part's floor was taken, and lasting past the window). Times count from the window's opening.
 * Caches that grow restart before the window, so that their sizes do not depend on how long the JVMs took to
 * start.
 */
final class Scenes {

    /**
     * The client compiler only: several JVMs share two cores with the check, and C2's compilations of the JMX
     * code that answers the samplers would cost more CPU than the service itself.
     */
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * The whole heap committed and its pages touched at start, not in the window: a full collection that first
     * moved a report or a loaded cache into fresh pages paused a run for up to 1.4 s on a busy machine, and its
     * sampler then missed the end of the window.
     */
    private static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    /**
     * A collector whose full collections measure the whole live set to the byte, run by {@link #fullCollections()}
     * every half second: as often as a check needs, and free of the garbage that a concurrent collector finds in
     * flight and counts as live (with ZGC, healthy floors drifted by up to 4 MB a second on a busy machine).
     */
    private static final List<String> MEASURING = List.of("-XX:+UseParallelGC");
    private static final long COLLECTION_INTERVAL = 500;
    /** A collector with one generation, so one heap pool and no old one: a leak is no old generation's alone. */
    static final String SINGLE_GENERATION = "-XX:+UseShenandoahGC";
    private static final List<String> ONE_POOL = List.of(SINGLE_GENERATION);
    /**
     * When a run sets its caches up for the window (tops its live set up, or restarts the caches that grow): long
     * enough before the window for that and a collection after it.
     */
    private static final long SET_UP_AT = -1500;
    /** The full but level heap's live set, as a share of its maximum: this, up to {@link #FULL_SPREAD} more. */
    private static final double FULL_LEAST = 0.91;
    private static final double FULL_SPREAD = 0.02;
    /** Collectors that leave a big young generation alone until it fills: no collection in the window. */
    private static final List<String> QUIET_COLLECTORS = List.of("-XX:+UseParallelGC", "-XX:+UseSerialGC",
            "-XX:+UseG1GC");
    /** Collectors whose old generation's heap after the last collection only a full collection measures. */
    private static final List<String> OLD_MEASURED_WHEN_FULL = List.of("-XX:+UseParallelGC", "-XX:+UseSerialGC");
    /**
     * When a slowing leak slows, just before the second part opens (for the heap's, between the last two collections
     * before it), so that the second floor stands for the fast pace and the third for the slow one.
     */
    private static final long SLOWS_BEFORE_SECOND_PART = 250;
    /**
     * When heap-leak-alert's slowing leak slows: at the collection half a second before the window's first third
     * ends. The samplers' first reads come up to a second after the window opens, so the parts open that much
     * later than its thirds, never earlier; every collection that can measure the second floor comes after the
     * slowing, and the floor's second step stands for the slow pace alone.
     */
    private static final long HEAP_SLOWS_BEFORE_SECOND_PART = 500;
    /**
     * How often the small leak just over the alert's pace and the leak that slows are measured: often, so that
     * their floors stand near their parts' openings.
     */
    private static final long FREQUENT_COLLECTION_INTERVAL = 250;
    /** When the batch's results are flushed, before the window's end: 150 ms before the third collection from it. */
    private static final long FLUSH_BEFORE_END = 2 * COLLECTION_INTERVAL + 150;
    /** When a spike at the end starts: after the last part's floor was taken. */
    private static final long END_SPIKE_BEFORE_END = 1300;
    /**
     * The busy leak's early flood: more threads than its fastest leak adds over the window (90) plus its pool's
     * widest swing (60), and over well before the second part opens.
     */
    private static final int EARLY_FLOOD_LEAST = 160;
    private static final int EARLY_FLOOD_MOST = 200;
    private static final long EARLY_FLOOD_LASTS = 1500;
    /**
     * When the healthy flood at the end of thread-climb-alert's window starts, before its end: after the last
     * part's floor was taken, and early enough that the flood holds over 60% of that part's reads, so that the
     * part's median is a flood's count.
     */
    private static final long LATE_FLOOD_BEFORE_END = 3200;
    /** Long enough to last past the window's end whatever the jitter of the samplers' start. */
    private static final long END_SPIKE_LASTS = 2500;

    /**
     * Thread leaks start 3 to 6 threads a second; the one watched briefly, no more than 3.5. One starts 2.4 to
     * 2.6, over the rule's pace of 2 by a fifth or more, and under it by a tenth or more if timed over the whole
     * window instead of the two thirds between the first and last parts' starts.
     */
    private static final double SLOWEST_LEAK = 3;
    private static final double SLOWEST_LEAK_UP_TO = 3.5;
    private static final double FASTEST_LEAK = 6;
    private static final double JUST_OVER_PACE = 2.4;
    private static final double JUST_OVER_PACE_UP_TO = 2.6;
    /**
     * The leak whose threads take the four states in turn: at most 4.4 threads a second in all, so at most 1.1 in
     * each state, under the 1.5 a second of the healthy pool that fills slowly.
     */
    private static final double SPREAD_LEAK_UP_TO = 4.4;
    private static final List<Thread.State> EVERY_STUCK_STATE = List.of(Thread.State.WAITING,
            Thread.State.TIMED_WAITING, Thread.State.BLOCKED, Thread.State.RUNNABLE);
    /**
     * thread-climb-alert's window, and the brief one of its leak stuck WAITING: the pool that fills at 1.5 to 1.6
     * threads a second gained 14 to 18 threads between its first and last parts' floors in 8 runs; the leak, 3 to 3.5
     * threads a second, gains 8 to 9.5 in its window, and 10 or more in 4 of 10 runs, when the pools' dips lowered
     * its first floor. A 12 s window left the pool about 12, too close; watching the leak for 3 s made its floors
     * rise by as little as 1 thread from one part to the next, too few to tell a climb by.
     */
    static final long THREAD_WINDOW_MILLIS = 15_000;
    static final long BRIEF_WATCH_MILLIS = 4_000;

    private final Random random;
    /** The window's length, in ms, which the scenes' events are placed in. */
    private final long window;

    private Scenes(Random random, Duration window) {
        this.random = random;
        this.window = window.toMillis();
    }

    /**
     * For heap-leak-alert: three heap leaks (one in a busy service, one whose traffic falls, one just over the
     * alert's pace), threads that leak beside a level heap whose old generation fills with promoted garbage, a cache
     * loaded once, a quiet collector, a spike at the end, a small service warming up and a batch flushed near the
     * end. Only the heap leaks have a live set that grows and only the thread leak has threads that do, so each run
     * shows one thing.
     */
    static List<Scene> forHeapAlert(Random random) {
        return new Scenes(random, WatchedRuns.WINDOW).heapAlert();
    }

    private List<Scene> heapAlert() {
        return List.of(scene(busyGrowingHeap(), steadyThreads()),
                scene(slowingHeap(), steadyThreads()),
                scene(slowHeap(), steadyThreads()),
                scene(promotingHeap(), stuckThreads(anyState(), FASTEST_LEAK)),
                scene(steppedHeap(), steadyThreads()),
                scene(quietHeap(), steadyThreads()),
                scene(spikedHeap(), steadyThreads()),
                scene(warmingHeap(), steadyThreads()),
                scene(flushedHeap(), steadyThreads()));
    }

    /**
     * For thread-climb-alert: a heap leak with steady threads but a pool resized once early in the window, small
     * services whose threads stick WAITING, TIMED_WAITING (leaking its heap as well), RUNNABLE (beside a lock that
     * keeps a thread or two BLOCKED once, for half a second), and in each of those and BLOCKED in turn (while it runs
     * 20 to 30 tasks a second on a thread each, so that threads are started between any two reads), a busy
     * service whose threads stick BLOCKED, a pool resized once, and a pool that fills slowly and surges at the end.
     * Every state a leaked thread can stay in is in every check, alone and beside the others.
     *
     * <p>The small service stuck WAITING, 3 to 3.5 threads a second, is watched for {@value #BRIEF_WATCH_MILLIS} ms
     * only, the others for {@value #THREAD_WINDOW_MILLIS} ms: the threads its floor gains in its window are fewer
     * than the slowly filling pool's in the long one, so that a number of threads gained, whatever it is, misses
     * the one or fires on the other, while a pace in threads a second tells them apart.
     */
    static List<Scene> forThreadAlert(Random random) {
        return new Scenes(random, Duration.ofMillis(THREAD_WINDOW_MILLIS)).threadAlert();
    }

    private List<Scene> threadAlert() {
        return List.of(scene(growingHeap(), resizedEarlyThreads()),
                scene(steadyHeap(), stuckThreads(Thread.State.WAITING, SLOWEST_LEAK_UP_TO),
                        Duration.ofMillis(BRIEF_WATCH_MILLIS)),
                scene(growingHeap(), slowingStuckThreads(Thread.State.TIMED_WAITING)),
                scene(smallHeap(), stuckThreadsBesideBriefContention(Thread.State.RUNNABLE)),
                scene(smallHeap(), new ThreadPart(ThreadShape.STUCK_SPREAD,
                        leakingThreads(EVERY_STUCK_STATE, SLOWEST_LEAK, SPREAD_LEAK_UP_TO),
                        List.of(new Event(Kind.THREAD_PER_TASK, SET_UP_AT, between(20, 30), between(5, 15))))),
                scene(steadyHeap(), busyStuckThreads(Thread.State.BLOCKED)),
                scene(steadyHeap(), resizedThreads()),
                scene(steadyHeap(), surgingThreads()));
    }

    /**
     * For alert-message: a heap leak near its maximum with a spike at the end, one in a roomy heap whose pace drops
     * part way and whose threads leak too, and four healthy heaps, one of them full but level. Two leaks in one
     * service are two pages: a pager that leaves the heap to the thread alert, as if the threads' leak caused the
     * heap's, stays silent on a heap that will be full.
     */
    static List<Scene> forPager(Random random) {
        return new Scenes(random, WatchedRuns.WINDOW).pager();
    }

    private List<Scene> pager() {
        return List.of(scene(nearlyFullHeap(), steadyThreads()),
                scene(roomyGrowingHeap(), stuckThreads(anyState(), FASTEST_LEAK)),
                scene(spikedHeap(), steadyThreads()),
                scene(steppedHeap(), steadyThreads()),
                scene(quietHeap(), steadyThreads()),
                scene(fullAndLevelHeap(), steadyThreads()));
    }

    /**
     * A cache growing 4 to 5.5 MB a second on 110 to 140 MB of other data, restarted 1.5 s before the window; light
     * traffic, small bursts, and a report that holds 15 to 20 MB for a second in the middle of the window: the live
     * set dips when it is dropped, though its floors rise part after part. It grows under 5% of itself a second.
     */
    private HeapPart growingHeap() {
        return growingHeap(MEASURING, between(384, 448), between(5, 15),
                between(6, 12));
    }

    /**
     * The same leak in a busy service: 20 to 30 MB a second of requests' garbage and reports of 50 to 60 MB every
     * second or so, 75 MB a second or more allocated in all, so that what it keeps is under a tenth of what it
     * allocates (a leak need not be most of the allocation; a busy service's rarely is). Reports, not more
     * requests: their big chunks cost the machine little CPU a MB. Its heap of 640 to 704 MB leaves room for a
     * report caught by a collection. It runs on Shenandoah, whose one pool holds the whole heap, young and old
     * alike, and whose full collections (every half second here) measure the live set to within a few MB.
     */
    private HeapPart busyGrowingHeap() {
        return growingHeap(ONE_POOL, between(640, 704), between(20, 30),
                between(50, 60));
    }

    /**
     * A leak in a roomy heap of 640 MB whose traffic slows: 8 to 9 MB a second, then from just before the second
     * part opens 1.7 to 1.9 (its floor's second step at under 2.3 MB a second, its first about four times as fast,
     * its pace from first floor to last 4.5 MB a second or so). At that pace the maximum is 80 to 125 s away
     * (ten to sixteen of the hours the window stands for), within hours, yet far later than a minute.
     */
    private HeapPart roomyGrowingHeap() {
        return growingHeap(MEASURING, 640, between(5, 15), between(6, 12), decimal(8, 9), COLLECTION_INTERVAL,
                new Event(Kind.LEAK_PACE, window / 3 - SLOWS_BEFORE_SECOND_PART,
                        (int) Math.round(decimal(1.7, 1.9) * 1024), 0));
    }

    /**
     * A leak whose traffic falls: 16 to 17 MB a second, then from {@value #HEAP_SLOWS_BEFORE_SECOND_PART} ms before
     * the window's first third ends 2.1 to 2.3. Its floor's second step is over half the alert's pace, yet under half
     * its own pace from the first floor to the last (6 MB a second or more), whichever collections measure the
     * floors and however late the samplers' first reads come. Measured every {@value #FREQUENT_COLLECTION_INTERVAL}
     * ms: with a collection every half second, where the parts' floors were measured moved the second step by up to
     * 40% (1.4 to 2.6 MB a second in 7 runs).
     */
    private HeapPart slowingHeap() {
        return growingHeap(MEASURING, between(384, 448), between(5, 15), between(6, 12), decimal(16, 17),
                FREQUENT_COLLECTION_INTERVAL, new Event(Kind.LEAK_PACE, window / 3 - HEAP_SLOWS_BEFORE_SECOND_PART,
                        (int) Math.round(decimal(2.1, 2.3) * 1024), 0));
    }

    /**
     * A small service's leak just over the alert's pace, 3 to 3.2 MB a second on 20 to 30 MB, with light traffic,
     * measured by a full collection every {@value #FREQUENT_COLLECTION_INTERVAL} ms, so that its floors stand within
     * a quarter of a second of their parts' openings: from the first to the last they rise over the alert's pace, and
     * under it if timed over the whole window, which is half as long again.
     */
    private HeapPart slowHeap() {
        return new HeapPart(HeapShape.GROWING, MEASURING, 256,
                new Plan.Heap(between(20, 30), between(3, 6), between(3, 6), decimal(3, 3.2), 0),
                withFullCollections(FREQUENT_COLLECTION_INTERVAL, new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0)));
    }

    private HeapPart growingHeap(List<String> flags, int maxMb, int trafficMbPerSecond,
                                        int burstMb) {
        return growingHeap(flags, maxMb, trafficMbPerSecond, burstMb, decimal(4, 5.5), COLLECTION_INTERVAL);
    }

    private HeapPart growingHeap(List<String> flags, int maxMb, int trafficMbPerSecond, int burstMb,
                                 double leakMbPerSecond, long collectionInterval, Event... more) {
        List<Event> events = withFullCollections(collectionInterval, new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0),
                new Event(Kind.HOLD, middle() - 250, between(15, 20), 1000));
        events.addAll(List.of(more));
        return new HeapPart(HeapShape.GROWING, flags, maxMb,
                new Plan.Heap(between(110, 140), trafficMbPerSecond, burstMb, leakMbPerSecond, 0), events);
    }

    /**
     * A small, quiet service (no reports, light traffic) whose cache warms up at 1.3 to 1.5 MB a second from 1.5 s
     * before the window: its live set rises at every collection, by a tenth of itself a second or more, and by over
     * 2.5 MB a part of the window, yet its floors climb at under 60% of a leak's pace.
     */
    private HeapPart warmingHeap() {
        return new HeapPart(HeapShape.WARMING, MEASURING, 64,
                new Plan.Heap(between(0, 2), between(1, 3), 0, 0, decimal(1.3, 1.5)),
                withFullCollections(new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0)));
    }

    /**
     * A batch's results filling a cache at 5.5 to 7 MB a second from 1.5 s before the window, as fast as a leak or
     * faster, flushed {@value #FLUSH_BEFORE_END} ms before its end, between two collections, so that at least a
     * second of reads see the flushed live set. Most reads, and most pairs of reads, climb at a leak's pace; the
     * last part's floor is back below the middle one. Light traffic and small bursts keep the climb clean.
     */
    private HeapPart flushedHeap() {
        return new HeapPart(HeapShape.FLUSHED, MEASURING, 512,
                new Plan.Heap(between(120, 170), between(3, 6), between(3, 6), 0, decimal(5.5, 7)),
                withFullCollections(new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0),
                        new Event(Kind.RESTART_CACHES, window - FLUSH_BEFORE_END, 0, 0)));
    }

    /**
     * A cache growing 6 to 9 MB a second, topped up before the window so that the heap is full 10 to 14 s
     * after it closes: close enough that the live set's rise over the window is a third or more of the room left
     * (a time left counted from an earlier floor is that far off), and a report that holds nearly half of that room
     * through the end, so that heap used is then far above the live set. On ZGC, whose two generations each report
     * the whole maximum as their limit, with a full collection every half second and light traffic: what ZGC
     * counts as live includes what was allocated while it ran.
     */
    private HeapPart nearlyFullHeap() {
        int maxMb = between(320, 448);
        double leak = decimal(6, 9);
        double windowEnd = window / 1000.0;
        // 60 MB of room at least: the report held at the end, a burst and the garbage in flight fit in it.
        double roomMb = leak * between(10, 14);
        int liveAtFillMb = (int) (maxMb - roomMb - leak * (windowEnd - SET_UP_AT / 1000.0));
        return new HeapPart(HeapShape.GROWING, List.of("-XX:+UseZGC"), maxMb,
                new Plan.Heap(between(8, 25), between(3, 6), between(6, 12), leak, 0),
                withFullCollections(new Event(Kind.LOAD_UP_TO, SET_UP_AT, liveAtFillMb, 0),
                        new Event(Kind.HOLD, endSpike(), (int) (0.45 * roomMb), END_SPIKE_LASTS)));
    }

    /**
     * A cache sized to fill most of the heap: loaded before the window to 91 to 93% of a 384 to 448 MB maximum, and
     * measured by a full collection just before it opens, then level. The young generation is kept to 12 MB so that
     * the old one holds all of it, with room for what light traffic and small bursts promote; with no collection
     * asked for in the window, the old generation's figure stays where that collection left it.
     */
    private HeapPart fullAndLevelHeap() {
        int maxMb = between(384, 448);
        int liveMb = (int) Math.ceil(maxMb * (FULL_LEAST + random.nextDouble() * FULL_SPREAD));
        return new HeapPart(HeapShape.FULL_AND_LEVEL, List.of("-XX:+UseParallelGC", "-Xmn12m"), maxMb,
                new Plan.Heap(between(8, 25), between(2, 4), between(2, 4), 0, 0),
                List.of(new Event(Kind.LOAD_UP_TO, SET_UP_AT, liveMb, 0), new Event(Kind.COLLECT, -300, 0, 0)));
    }

    /** A level live set, light traffic and small bursts. */
    private HeapPart steadyHeap() {
        return new HeapPart(HeapShape.STEADY, MEASURING, 384,
                new Plan.Heap(between(120, 170), between(5, 10), between(5, 15), 0, 0),
                fullCollections());
    }

    /**
     * A small level live set, light traffic and small bursts, with no collection asked for: a run whose heap is
     * not what it is there for, at little cost to the machine.
     */
    private HeapPart smallHeap() {
        return new HeapPart(HeapShape.STEADY, MEASURING, 128,
                new Plan.Heap(between(8, 25), between(2, 4), between(2, 6), 0, 0), List.of());
    }

    /**
     * A cache that warms up at 0.3 to 0.6 MB a second from 1.5 s before the window, and another of 50 to 70 MB
     * loaded once, in the first part of the window after its floor was taken. The floors rise part after part, the
     * later ones far above the first; but the last step, at the warming's pace, is well below any leak's.
     */
    private HeapPart steppedHeap() {
        long third = window / 3;
        return new HeapPart(HeapShape.STEPPED, MEASURING, 512,
                new Plan.Heap(between(120, 170), between(3, 8), between(5, 10), 0,
                        decimal(0.3, 0.6)),
                withFullCollections(new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0),
                        new Event(Kind.LOAD, third / 2 + between(-100, 100), between(50, 70), 0)));
    }

    /**
     * A quiet spell: light traffic and a young generation big enough that, after a collection just before the
     * window, none runs until it ends. Heap used climbs with garbage; the live set stays where the collection
     * found it, above anything the leak reaches.
     */
    private HeapPart quietHeap() {
        List<String> flags = List.of(QUIET_COLLECTORS.get(random.nextInt(QUIET_COLLECTORS.size())), "-Xmn512m");
        return new HeapPart(HeapShape.QUIET, flags, 1024,
                new Plan.Heap(between(220, 260), between(6, 12), between(5, 15), 0, 0),
                List.of(new Event(Kind.COLLECT, -300, 0, 0)));
    }

    /**
     * A level live set on a collector whose old generation only a full collection measures, one just before the
     * window and none in it (the heap is committed whole), and reports of 15 to 20 MB held for a moment every
     * second or so in a young generation of 8 MB: young collections run while they are held, promote them, and they
     * die in the old generation. Its used climbs with that garbage over 5 MB a second; the heap after the last
     * collection stays level.
     */
    private HeapPart promotingHeap() {
        List<String> flags = List.of(OLD_MEASURED_WHEN_FULL.get(random.nextInt(OLD_MEASURED_WHEN_FULL.size())),
                "-Xmn8m");
        return new HeapPart(HeapShape.PROMOTING, flags, 1024,
                new Plan.Heap(between(120, 170), between(2, 4), between(15, 20), 0, 0),
                List.of(new Event(Kind.COLLECT, -300, 0, 0)));
    }

    /**
     * A cache that warms up at 1.7 to 1.8 MB a second from 1.5 s before the window, a report that holds 25 to 35 MB
     * for a second in the middle of the window and one that holds 60 to 100 MB through its end. The floors rise in
     * every part, but slower than the alert's pace; the mean of each part and a line through every point rise
     * faster. Light traffic and small bursts keep the means' noise below those steps. The middle report comes after
     * the middle part's floor was taken and goes before the last part opens, however late the samplers' first
     * reads came.
     */
    private HeapPart spikedHeap() {
        return new HeapPart(HeapShape.SPIKED_AT_END, MEASURING, 512,
                new Plan.Heap(between(120, 170), between(10, 15), between(10, 20), 0,
                        decimal(1.7, 1.8)),
                withFullCollections(new Event(Kind.RESTART_CACHES, SET_UP_AT, 0, 0),
                        new Event(Kind.HOLD, middle() - 450, between(25, 35), 1000),
                        new Event(Kind.HOLD, endSpike(), between(60, 100), END_SPIKE_LASTS)));
    }

    /** A full collection every half second from just before the window opens until just after it closes. */
    private List<Event> fullCollections() {
        return fullCollections(COLLECTION_INTERVAL);
    }

    /** A full collection every {@code interval} ms from just before the window opens until just after it closes. */
    private List<Event> fullCollections(long interval) {
        List<Event> collections = new ArrayList<>();
        for (long at = -interval; at <= window; at += interval) {
            collections.add(new Event(Kind.COLLECT, at, 0, 0));
        }
        return collections;
    }

    private List<Event> withFullCollections(Event... events) {
        return withFullCollections(COLLECTION_INTERVAL, events);
    }

    private List<Event> withFullCollections(long interval, Event... events) {
        List<Event> all = new ArrayList<>(fullCollections(interval));
        all.addAll(List.of(events));
        return all;
    }

    /** Many idle threads and a pool that swings by 30 to 60 workers. */
    private ThreadPart steadyThreads() {
        return new ThreadPart(ThreadShape.STEADY, new Plan.Threads(between(150, 190),
                between(30, 60), 0, List.of(Thread.State.WAITING), 0), List.of());
    }

    /** Few idle threads, small swings, and 3 to {@code fastest} threads a second that never end. */
    private ThreadPart stuckThreads(Thread.State state, double fastest) {
        return new ThreadPart(ThreadShape.STUCK, leakingThreads(List.of(state), SLOWEST_LEAK, fastest), List.of());
    }

    /**
     * Few idle threads, small swings, a leak just over the rule's pace stuck in {@code state}, and once, 1 to 2.5 s
     * into the window, a lock held for 0.5 to 0.7 s that keeps 1 or 2 threads BLOCKED: the only reads of the run with
     * a thread in that state. A state that most reads lack has no thread in them, zero, and the leak climbs all the
     * same.
     */
    private ThreadPart stuckThreadsBesideBriefContention(Thread.State state) {
        return new ThreadPart(ThreadShape.STUCK,
                leakingThreads(List.of(state), JUST_OVER_PACE, JUST_OVER_PACE_UP_TO),
                List.of(new Event(Kind.CONTEND, between(1_000, 2_500), between(1, 2), between(500, 700))));
    }

    /**
     * Few idle threads, small swings, and a leak whose traffic slows: 8 to 9 threads a second that never end, then
     * from just before the second part opens 1.5 to 1.6. The floor's second step, 1.8 to 2 a second, is over half
     * the rule's pace, yet under half the leak's own pace from the first floor to the last (4.5 or more).
     */
    private ThreadPart slowingStuckThreads(Thread.State state) {
        return new ThreadPart(ThreadShape.STUCK, leakingThreads(List.of(state), 8, 9), List.of(new Event(
                Kind.THREAD_LEAK_PACE, window / 3 - SLOWS_BEFORE_SECOND_PART, between(90, 96), 0)));
    }

    /**
     * Few idle threads, small swings, and {@code slowest} to {@code fastest} threads a second that never end, each
     * stuck in the next of {@code states}.
     */
    private Plan.Threads leakingThreads(List<Thread.State> states, double slowest, double fastest) {
        return new Plan.Threads(between(5, 20), between(4, 20), decimal(slowest, fastest), states, 0);
    }

    /**
     * A busy service, 150 to 190 idle threads and a pool that swings by 30 to 60 workers, that starts 3 to 6
     * threads a second that never end: a pace under 5% of its count a second, yet a leak's. A flood of
     * {@value #EARLY_FLOOD_LEAST} to {@value #EARLY_FLOOD_MOST} tasks early in the first part, after its floor was
     * taken and over before the second part opens, takes the count higher than the leak and the pool's swings do
     * later in the window: its peaks fall while its floors climb.
     */
    private ThreadPart busyStuckThreads(Thread.State state) {
        return new ThreadPart(ThreadShape.STUCK_BUSY, new Plan.Threads(between(150, 190),
                between(30, 60), decimal(SLOWEST_LEAK, FASTEST_LEAK), List.of(state), 0),
                List.of(new Event(Kind.SURGE, between(1200, 1800), between(EARLY_FLOOD_LEAST, EARLY_FLOOD_MOST),
                        EARLY_FLOOD_LASTS)));
    }

    /**
     * Many idle threads and a pool that swings by 30 to 60 workers, whose fixed pool is resized once, by 25 to 40
     * threads, in the first part of the window after its floor was taken: the floor steps up once, at 5 threads a
     * second or more over that part, the later floors stand far above the first, and the last step is level.
     */
    private ThreadPart resizedEarlyThreads() {
        Plan.Threads steady = steadyThreads().threads();
        return new ThreadPart(ThreadShape.STEADY, steady,
                List.of(new Event(Kind.RESIZE, window / 6 + between(-300, 300), between(25, 40), 0)));
    }

    /**
     * A steady service whose fixed pool is resized once, by 20 to 40 threads, in the middle of the window, while its
     * connection pool opens 0.3 to 0.4 reader threads a second: every floor rises, the first step at a fifth of the
     * rule's pace or less, and the last floor is above the first by more than the rule's pace.
     */
    private ThreadPart resizedThreads() {
        Plan.Threads steady = steadyThreads().threads();
        return new ThreadPart(ThreadShape.RESIZED, new Plan.Threads(steady.idle(), steady.poolSwing(), 0,
                steady.stuckIn(), decimal(0.3, 0.4)),
                List.of(new Event(Kind.RESIZE, middle() + between(-300, 300), between(20, 40), 0)));
    }

    /**
     * A steady service whose connection pool opens 1.5 to 1.6 reader threads a second (its floor rises in every
     * part of the window, at a pace over the rule's gate yet under a leak's), and a batch of 100 to 140 tasks
     * through the last {@value #LATE_FLOOD_BEFORE_END} ms of the window: most of its last part, though not when
     * that part's floor is taken.
     */
    private ThreadPart surgingThreads() {
        Plan.Threads steady = steadyThreads().threads();
        return new ThreadPart(ThreadShape.SURGING, new Plan.Threads(steady.idle(), steady.poolSwing(), 0,
                steady.stuckIn(), decimal(1.5, 1.6)),
                List.of(new Event(Kind.SURGE, window - LATE_FLOOD_BEFORE_END, between(100, 140),
                        LATE_FLOOD_BEFORE_END + END_SPIKE_LASTS)));
    }

    private long middle() {
        return window / 2;
    }

    private long endSpike() {
        return window - END_SPIKE_BEFORE_END;
    }

    private Thread.State anyState() {
        Thread.State[] states = {Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED};
        return states[random.nextInt(states.length)];
    }

    private Scene scene(HeapPart heap, ThreadPart threads) {
        return scene(heap, threads, Duration.ofMillis(window));
    }

    private Scene scene(HeapPart heap, ThreadPart threads, Duration watched) {
        List<String> flags = new ArrayList<>(heap.flags());
        flags.add("-Xmx" + heap.maxMb() + "m");
        flags.add("-Xms" + heap.maxMb() + "m");
        flags.add(PRE_TOUCH);
        flags.add(QUICK_JIT);
        List<Event> events = new ArrayList<>(heap.events());
        events.addAll(threads.events());
        return new Scene(heap.shape(), threads.shape(), flags, (long) heap.maxMb() << 20,
                new Plan(heap.heap(), threads.threads(), events), watched);
    }

    private int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private double decimal(double from, double to) {
        return Math.round(random.nextDouble(from, to) * 10) / 10.0;
    }

    private record HeapPart(HeapShape shape, List<String> flags, int maxMb, Plan.Heap heap, List<Event> events) {}

    private record ThreadPart(ThreadShape shape, Plan.Threads threads, List<Event> events) {}
}
