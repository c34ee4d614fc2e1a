package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
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

    private static final double MIB = 1 << 20;
    private static final Duration TICK = Duration.ofMillis(100);
    /** A tick is busy when it allocated this much more than a tick of its length at the median rate. */
    private static final double BUSY_EXCESS = 4 * MIB;
    /** Busy ticks with at most this many quiet ticks between them are one burst. */
    private static final int QUIET_TICKS_IN_A_BURST = 4;
    /** A burst is a spike when its busy ticks together allocated this much beyond the usual. */
    private static final double SPIKE_EXCESS = 12 * MIB;
    /** Large allocations are looked for this far either side of a burst. */
    private static final Duration MARGIN = Duration.ofMillis(100);
    private static final List<String> NOT_THE_APPLICATION =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "workbench.diagnostics.");

    /** One allocation too large for a TLAB: when, by which thread, at which site, how many bytes. */
    private record Allocation(Instant at, long threadId, String site, long bytes) {
    }

    /** Busy ticks from {@code first} to {@code last}: from the point before the first to the one after the last. */
    private record Burst(int first, int last, Instant from, Instant to) {
    }

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
        long myThread = Thread.currentThread().threadId();
        Set<Long> streamThreads = ConcurrentHashMap.newKeySet();
        List<Allocation> allocations = new CopyOnWriteArrayList<>();
        List<Point> points;
        // Who: JFR's in-process stream (JfrStream.current(), as in the lesson, and it never throws): every
        // allocation too large for a TLAB, with its exact size and its stack.
        try (JfrStream stream = JfrStream.current()) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", event -> {
                streamThreads.add(Thread.currentThread().threadId());
                String site = siteOf(event);
                if (site != null) {
                    long thread = event.getThread() == null ? -1 : event.getThread().getJavaThreadId();
                    allocations.add(new Allocation(event.getStartTime(), thread, site, event.getLong("allocationSize")));
                }
            });
            stream.startAsync();
            // When: the exact allocation counter, ten times a second.
            int capacity = (int) (watch.toMillis() / TICK.toMillis()) + 50;
            try (Sampler sampler = Sampler.start(target, TICK, capacity)) {
                Thread.sleep(watch);
                points = sampler.series("jvm.memory.allocated").points();
            }
            stream.stop();
        }
        List<Allocation> theirs = new ArrayList<>();
        for (Allocation allocation : allocations) {
            // The recording runs here, so this thread and the stream's allocate into it too: leave them out.
            boolean ours = allocation.threadId() == myThread || streamThreads.contains(allocation.threadId());
            if (!ours) {
                theirs.add(allocation);
            }
        }
        List<Burst> bursts = bursts(points);
        double watchSeconds = points.size() < 2 ? 0
                : Duration.between(points.getFirst().time(), points.getLast().time()).toNanos() / 1e9;
        Map<String, Double> usualRate = usualRateOverWatch(theirs, watchSeconds);
        List<Spike> spikes = new ArrayList<>();
        for (Burst burst : bursts) {
            String site = culprit(burst, theirs, usualRate);
            if (site != null) {
                spikes.add(new Spike(burst.from(), site));
            }
        }
        return spikes;
    }

    /** The bursts of the counter that allocated {@link #SPIKE_EXCESS} beyond the usual, in time order. */
    private static List<Burst> bursts(List<Point> points) {
        List<Burst> bursts = new ArrayList<>();
        int ticks = points.size() - 1;
        if (ticks < 2) {
            return bursts;
        }
        double[] seconds = new double[ticks];
        double[] bytes = new double[ticks];
        double[] rates = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            seconds[i] = Duration.between(points.get(i).time(), points.get(i + 1).time()).toNanos() / 1e9;
            bytes[i] = points.get(i + 1).value() - points.get(i).value();
            rates[i] = seconds[i] > 0 ? bytes[i] / seconds[i] : 0;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double medianRate = sorted[sorted.length / 2];
        double[] excess = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            excess[i] = bytes[i] - medianRate * seconds[i];
        }
        int i = 0;
        while (i < ticks) {
            if (excess[i] <= BUSY_EXCESS) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            double together = excess[i];
            for (int j = i + 1; j < ticks && j - last - 1 <= QUIET_TICKS_IN_A_BURST; j++) {
                if (excess[j] > BUSY_EXCESS) {
                    last = j;
                    together += excess[j];
                }
            }
            if (together >= SPIKE_EXCESS) {
                bursts.add(new Burst(first, last, points.get(first).time(), points.get(last + 1).time()));
            }
            i = last + 1;
        }
        return bursts;
    }

    /** What each site allocates per second on average over the watch: its usual rate. */
    private static Map<String, Double> usualRateOverWatch(List<Allocation> allocations, double watchSeconds) {
        Map<String, Double> rates = new HashMap<>();
        for (Allocation allocation : allocations) {
            rates.merge(allocation.site(), (double) allocation.bytes(), Double::sum);
        }
        rates.replaceAll((site, bytes) -> watchSeconds > 0 ? bytes / watchSeconds : 0);
        return rates;
    }

    /** The site whose large allocations in the burst (with a margin) most exceed its usual in that time. */
    private static String culprit(Burst burst, List<Allocation> allocations, Map<String, Double> usualRate) {
        Instant from = burst.from().minus(MARGIN);
        Instant to = burst.to().plus(MARGIN);
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        Map<String, Long> inBurst = new HashMap<>();
        for (Allocation allocation : allocations) {
            if (!allocation.at().isBefore(from) && !allocation.at().isAfter(to)) {
                inBurst.merge(allocation.site(), allocation.bytes(), Long::sum);
            }
        }
        String best = null;
        double bestExcess = Double.NEGATIVE_INFINITY;
        for (var entry : inBurst.entrySet()) {
            double usual = usualRate.getOrDefault(entry.getKey(), 0.0) * seconds;
            double excess = entry.getValue() - usual;
            if (excess > bestExcess) {
                bestExcess = excess;
                best = entry.getKey();
            }
        }
        return best;
    }

    /** The first frame of the application: not the JDK's, not the library's; as SimpleClass.method. */
    private static String siteOf(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return null;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (NOT_THE_APPLICATION.stream().noneMatch(type::startsWith)) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }
}
