/*
 * Misconception: JFR's allocation sample weights are a clock once each weight is spread back over the time since its
 * thread's previous sample, so one stream both dates a burst and names its site.
 * What it does: the reference finder, its counter rebuilt from ObjectAllocationSample weights, each spread evenly
 * over the ticks since its thread's previous sample (a thread's first sample: since the stream began).
 */
package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-spike} (lesson 2): a service allocates steadily and, now and then, in bursts.
 * Watch it with the library's live streams and tell when each burst happened and which call site made it.
 *
 * <p>Try the approach in the console first: {@code /demo start allocation-spikes}, then the snippets of
 * "Finding a spike" with {@code Target.current()}, and compare what you see with
 * {@code ((AllocationSpikes) Demos.get("allocation-spikes")).spikes()}.
 * Check it with {@code /check} or {@code ./workbench check find-the-spike}.
 */
public final class SpikeFinder {

    /**
     * One allocation spike.
     *
     * @param at   when the burst began
     * @param site the call site that allocated it, as {@code Class.method} of the application's frame,
     *             such as {@code ReportRenderer.render}; a package in front is fine
     */
    public record Spike(Instant at, String site) {
    }

    /** One allocation too large for a thread-local buffer: when, where and how many bytes. */
    private record LargeAllocation(Instant at, String site, long bytes) {
    }

    /** A stretch of time in which the JVM allocated far more than usual. */
    private record Burst(Instant start, Instant end) {

        boolean covers(Instant at) {
            return !at.isBefore(start.minus(TICK)) && !at.isAfter(end.plus(TICK));
        }

        /** How long {@link #covers} reaches. */
        Duration length() {
            return Duration.between(start, end).plus(TICK.multipliedBy(2));
        }
    }

    /** How often the exact allocation counter is read: fine enough to date a burst. */
    private static final Duration TICK = Duration.ofMillis(100);
    /** A tick is busy when it allocated this much more than a usual tick: well above the noise of a flush. */
    private static final double BUSY_TICK_EXCESS = 4.0 * (1 << 20);
    /**
     * A burst that rests between large chunks leaves a few quiet ticks inside it; quiet ticks up to this many in
     * a row do not end it (bursts come seconds apart).
     */
    private static final int QUIET_TICKS_WITHIN_BURST = 4;
    /** A run of busy ticks is a spike when it allocated at least this much beyond the usual. */
    private static final double SPIKE_EXCESS = 12.0 * (1 << 20);
    /** Packages of the JDK and of the library: their frames are not the application's call site. */
    private static final Pattern NOT_APPLICATION =
            Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.|workbench\\.diagnostics\\.");

    private SpikeFinder() {
    }

    /**
     * Watches the target for {@code watch} and returns the allocation spikes it saw, in time order. When the
     * target is this JVM, the watching allocates too: what this thread and the library's stream allocate is
     * not the service's doing.
     *
     * @param target the JVM to watch
     * @param watch  how long to watch; return soon after it has passed
     */
    public static List<Spike> findSpikes(Target target, Duration watch) throws Exception {
        List<LargeAllocation> allocations = new CopyOnWriteArrayList<>();
        List<long[]> weights = new CopyOnWriteArrayList<>();
        Instant begin = Instant.now();
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", collector(target, allocations));
            stream.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND);
            stream.onEvent("jdk.ObjectAllocationSample", e -> weights.add(new long[] {
                    e.getStartTime().toEpochMilli(), e.getLong("weight"),
                    e.getThread("eventThread") == null ? -1 : e.getThread("eventThread").getJavaThreadId()}));
            stream.startAsync();
            Thread.sleep(watch);
            stream.stop();
        }
        // each weight covers what its thread allocated since its previous sample: spread it over that time
        int ticks = (int) (watch.toMillis() / TICK.toMillis());
        double[] perTick = new double[ticks];
        List<long[]> ordered = new ArrayList<>(weights);
        ordered.sort(java.util.Comparator.comparingLong(w -> w[0]));
        Map<Long, Long> previous = new HashMap<>();
        for (long[] w : ordered) {
            long from = previous.getOrDefault(w[2], begin.toEpochMilli());
            previous.put(w[2], w[0]);
            long span = Math.max(1, w[0] - from);
            for (long ms = from; ms < from + span; ms += 10) {
                int tick = (int) ((ms - begin.toEpochMilli()) / TICK.toMillis());
                if (tick >= 0 && tick < ticks) {
                    perTick[tick] += w[1] * (double) Math.min(10, from + span - ms) / span;
                }
            }
        }
        List<Point> allocated = new ArrayList<>();
        double total = 0;
        for (int i = 0; i <= ticks; i++) {
            allocated.add(new Point(begin.plus(TICK.multipliedBy(i)), total));
            if (i < ticks) {
                total += perTick[i];
            }
        }
        Duration watched = Duration.between(allocated.getFirst().time(), allocated.getLast().time());
        List<Spike> spikes = new ArrayList<>();
        for (Burst burst : bursts(allocated)) {
            spikes.add(new Spike(burst.start(), culprit(burst, allocations, watched)));
        }
        return spikes;
    }

    /**
     * Keeps the application's large allocations: not what the watching allocates (this thread, and the
     * stream's own thread that runs this callback), not those without an application frame.
     */
    private static Consumer<RecordedEvent> collector(Target target, List<LargeAllocation> out) {
        long watcher = Thread.currentThread().threadId();
        return event -> {
            RecordedThread thread = event.getThread("eventThread");
            long id = thread == null ? -1 : thread.getJavaThreadId();
            boolean watching = target.isCurrent() && (id == watcher || id == Thread.currentThread().threadId());
            String site = site(event);
            if (!watching && site != null) {
                out.add(new LargeAllocation(event.getStartTime(), site, event.getLong("allocationSize")));
            }
        };
    }

    /**
     * Dates bursts with the exact counter: a tick is busy when it allocated well beyond a usual (median) tick
     * of its length; busy ticks with at most a few quiet ones between them make one burst, a spike when it
     * allocated enough beyond the usual.
     */
    private static List<Burst> bursts(List<Point> allocated) {
        int ticks = allocated.size() - 1;
        if (ticks < 3) {
            return List.of();
        }
        double[] rates = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            rates[i] = bytes(allocated, i) / seconds(allocated, i);
        }
        Arrays.sort(rates);
        double usual = rates[ticks / 2];
        List<Burst> bursts = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            if (excess(allocated, i, usual) <= BUSY_TICK_EXCESS) {
                continue;
            }
            int first = i;
            int last = i;
            double excess = 0;
            for (int tick = i; tick < ticks && tick - last <= QUIET_TICKS_WITHIN_BURST; tick++) {
                if (excess(allocated, tick, usual) > BUSY_TICK_EXCESS) {
                    excess += excess(allocated, tick, usual);
                    last = tick;
                }
            }
            if (excess >= SPIKE_EXCESS) {
                bursts.add(new Burst(allocated.get(first).time(), allocated.get(last + 1).time()));
            }
            i = last;
        }
        return bursts;
    }

    /**
     * The site whose large allocations during the burst most exceed what it usually allocates in that time:
     * a site that makes large buffers all the time is no culprit for making them during a burst too.
     */
    private static String culprit(Burst burst, List<LargeAllocation> allocations, Duration watched) {
        Map<String, Double> excessBySite = new HashMap<>();
        double share = (double) burst.length().toNanos() / Math.max(1, watched.toNanos());
        for (LargeAllocation allocation : allocations) {
            double usual = allocation.bytes() * share;
            excessBySite.merge(allocation.site(), burst.covers(allocation.at()) ? allocation.bytes() - usual : -usual,
                    Double::sum);
        }
        return excessBySite.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
    }

    /** Bytes a tick allocated beyond what a tick of its length allocates at the usual rate. */
    private static double excess(List<Point> counter, int tick, double usualRate) {
        return bytes(counter, tick) - usualRate * seconds(counter, tick);
    }

    private static double bytes(List<Point> counter, int tick) {
        return counter.get(tick + 1).value() - counter.get(tick).value();
    }

    private static double seconds(List<Point> counter, int tick) {
        long millis = Duration.between(counter.get(tick).time(), counter.get(tick + 1).time()).toMillis();
        return Math.max(1, millis) / 1000.0;
    }

    /** The first frame outside the JDK and the library, where the application asked for memory; or null. */
    private static String site(RecordedEvent allocation) {
        RecordedStackTrace stack = allocation.getStackTrace();
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!NOT_APPLICATION.matcher(type).lookingAt()) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }
}
