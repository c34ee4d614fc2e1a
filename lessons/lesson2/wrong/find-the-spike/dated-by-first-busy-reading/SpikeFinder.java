/* Misconception: a spike happened when the counter shows it, so it is dated by the reading at the end of the first busy tick, the first point at which jvm.memory.allocated has jumped.
   Why plausible: the reading that shows the jump is the first evidence of the burst, "when the counter jumped" sounds like "when the spike happened", and the dates are off by at most one sampling period, which looks like noise next to the JFR events.
   What it gets wrong: a tick is the interval between two readings, and its bytes were allocated after the reading that opens it; the burst began after the point before its first busy tick, not at the point after it. Every spike is dated up to a whole tick (100 ms, more when a collection delays the sampler) late, after the moment the burst really began. */
package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
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
    private static final double BUSY_BEYOND = 4 * MIB;
    private static final double SPIKE_BEYOND = 12 * MIB;
    private static final int QUIET_TICKS_WITHIN_BURST = 4;
    private static final Duration MARGIN = Duration.ofMillis(100);

    private record Large(Instant at, String site, long bytes) {
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
        boolean current = target.isCurrent();
        ConcurrentLinkedQueue<Large> large = new ConcurrentLinkedQueue<>();
        List<Point> points;
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", e -> {
                if (current && isOwn(e, myThread, Thread.currentThread().threadId())) {
                    return;
                }
                String site = siteOf(e);
                if (site != null) {
                    large.add(new Large(e.getStartTime(), site, e.getLong("allocationSize")));
                }
            });
            stream.startAsync();
            int capacity = (int) (watch.toMillis() / TICK.toMillis()) + 50;
            try (Sampler sampler = Sampler.start(target, TICK, capacity)) {
                Thread.sleep(watch.toMillis());
                points = sampler.series("jvm.memory.allocated").points();
            }
            stream.stop();
        }
        return spikes(points, new ArrayList<>(large));
    }

    private static boolean isOwn(RecordedEvent e, long myThread, long streamThread) {
        RecordedThread thread = e.getThread();
        if (thread == null) {
            return false;
        }
        long id = thread.getJavaThreadId();
        return id == myThread || id == streamThread;
    }

    /** The call site: the first frame of the application, below any JDK helper or the library. */
    private static String siteOf(RecordedEvent e) {
        RecordedStackTrace trace = e.getStackTrace();
        if (trace == null) {
            return null;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (isLibrary(type)) {
                continue;
            }
            return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
        }
        return null;
    }

    private static boolean isLibrary(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.") || type.startsWith("workbench.diagnostics.");
    }

    private static List<Spike> spikes(List<Point> points, List<Large> large) {
        List<Spike> found = new ArrayList<>();
        int ticks = points.size() - 1;
        if (ticks < 2) {
            return found;
        }
        double[] bytes = new double[ticks];
        double[] millis = new double[ticks];
        double[] rates = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            bytes[i] = points.get(i + 1).value() - points.get(i).value();
            millis[i] = Math.max(1, Duration.between(points.get(i).time(), points.get(i + 1).time()).toMillis());
            rates[i] = bytes[i] / millis[i];
        }
        // The usual rate: the median tick's, which spikes cannot drag up.
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double usualPerMilli = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double[] beyond = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            beyond[i] = bytes[i] - usualPerMilli * millis[i];
        }

        Instant watchStart = points.getFirst().time();
        Instant watchEnd = points.getLast().time();
        double watchMillis = Math.max(1, Duration.between(watchStart, watchEnd).toMillis());
        Map<String, Long> totalBySite = new HashMap<>();
        for (Large l : large) {
            totalBySite.merge(l.site(), l.bytes(), Long::sum);
        }

        int i = 0;
        while (i < ticks) {
            if (beyond[i] <= BUSY_BEYOND) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            int j = i + 1;
            while (j < ticks && j - last - 1 <= QUIET_TICKS_WITHIN_BURST) {
                if (beyond[j] > BUSY_BEYOND) {
                    last = j;
                }
                j++;
            }
            double total = 0;
            for (int k = first; k <= last; k++) {
                if (beyond[k] > BUSY_BEYOND) {
                    total += beyond[k];
                }
            }
            if (total >= SPIKE_BEYOND) {
                Instant from = points.get(first).time().minus(MARGIN);
                Instant to = points.get(last + 1).time().plus(MARGIN);
                String site = culprit(large, totalBySite, watchMillis, from, to);
                if (site != null) {
                    // The first reading that shows the jump: that is when the counter saw the spike.
                    found.add(new Spike(points.get(first + 1).time(), site));
                }
            }
            i = last + 1;
        }
        return found;
    }

    private static String culprit(List<Large> large, Map<String, Long> totalBySite, double watchMillis,
                                  Instant from, Instant to) {
        Map<String, Long> inWindow = new HashMap<>();
        for (Large l : large) {
            if (!l.at().isBefore(from) && !l.at().isAfter(to)) {
                inWindow.merge(l.site(), l.bytes(), Long::sum);
            }
        }
        double windowMillis = Duration.between(from, to).toMillis();
        String best = null;
        double bestScore = 0;
        for (Map.Entry<String, Long> entry : inWindow.entrySet()) {
            double usual = totalBySite.getOrDefault(entry.getKey(), 0L) / watchMillis * windowMillis;
            double score = entry.getValue() - usual;
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return best;
    }
}
