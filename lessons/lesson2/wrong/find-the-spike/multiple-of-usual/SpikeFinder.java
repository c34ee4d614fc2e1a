package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private SpikeFinder() {
    }

    private static final long MIB = 1L << 20;
    private static final long BUSY_EXTRA = 4 * MIB;
    private static final long SPIKE_EXTRA = 12 * MIB;
    private static final int MAX_QUIET_GAP = 4;
    private static final Duration MARGIN = Duration.ofMillis(100);

    private record Large(Instant at, String site, long size) {
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
        List<Large> large = new CopyOnWriteArrayList<>();
        boolean current = target.isCurrent();
        long me = Thread.currentThread().threadId();
        List<Point> points;
        Instant watchStart;
        Instant watchEnd;
        int capacity = (int) (watch.toMillis() / 100) + 100;
        try (JfrStream stream = JfrStream.open(target);
             Sampler sampler = Sampler.start(target, Duration.ofMillis(100), capacity)) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", e -> {
                if (current) {
                    RecordedThread thread = e.getThread();
                    long tid = thread == null ? -1 : thread.getJavaThreadId();
                    if (tid == me || tid == Thread.currentThread().threadId()) {
                        return;
                    }
                }
                String site = siteOf(e.getStackTrace());
                if (site != null) {
                    large.add(new Large(e.getStartTime(), site, e.getLong("allocationSize")));
                }
            });
            stream.startAsync();
            watchStart = Instant.now();
            Thread.sleep(watch.toMillis());
            watchEnd = Instant.now();
            points = sampler.series("jvm.memory.allocated").points();
            stream.stop();
        }

        int ticks = points.size() - 1;
        if (ticks < 3) {
            return List.of();
        }
        double[] bytes = new double[ticks];
        double[] millis = new double[ticks];
        double[] rates = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            bytes[i] = points.get(i + 1).value() - points.get(i).value();
            millis[i] = Math.max(1, Duration.between(points.get(i).time(), points.get(i + 1).time()).toNanos() / 1e6);
            rates[i] = bytes[i] / millis[i];
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double medianRate = sorted[ticks / 2];
        double[] extra = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            extra[i] = bytes[i] - medianRate * millis[i];
        }

        double watchMillis = Math.max(1, Duration.between(watchStart, watchEnd).toMillis());
        Map<String, Long> totalBySite = new HashMap<>();
        for (Large l : large) {
            totalBySite.merge(l.site(), l.size(), Long::sum);
        }

        List<Spike> spikes = new ArrayList<>();
        int i = 0;
        while (i < ticks) {
            if (extra[i] <= BUSY_EXTRA) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            int quiet = 0;
            int j = i + 1;
            while (j < ticks) {
                if (extra[j] > BUSY_EXTRA) {
                    last = j;
                    quiet = 0;
                } else if (++quiet > MAX_QUIET_GAP) {
                    break;
                }
                j++;
            }
            double burstExtra = 0;
            for (int k = first; k <= last; k++) {
                burstExtra += extra[k];
            }
            if (burstExtra >= SPIKE_EXTRA) {
                Instant from = points.get(first).time().minus(MARGIN);
                Instant to = points.get(last + 1).time().plus(MARGIN);
                String site = culprit(large, totalBySite, from, to, watchMillis);
                if (site != null) {
                    spikes.add(new Spike(points.get(first).time(), site));
                }
            }
            i = last + 1;
        }
        return spikes;
    }

    /**
     * The site that allocated far more in the window than it usually does: how many times its usual amount
     * for a window this long it made.
     */
    private static String culprit(List<Large> large, Map<String, Long> totalBySite, Instant from, Instant to,
                                  double watchMillis) {
        double windowMillis = Duration.between(from, to).toMillis();
        Map<String, Long> inWindow = new HashMap<>();
        for (Large l : large) {
            if (!l.at().isBefore(from) && !l.at().isAfter(to)) {
                inWindow.merge(l.site(), l.size(), Long::sum);
            }
        }
        String best = null;
        double bestRatio = 0;
        for (Map.Entry<String, Long> entry : inWindow.entrySet()) {
            double usual = totalBySite.get(entry.getKey()) * windowMillis / watchMillis;
            double ratio = entry.getValue() / Math.max(1, usual);
            if (best == null || ratio > bestRatio) {
                best = entry.getKey();
                bestRatio = ratio;
            }
        }
        return best;
    }

    private static String siteOf(RecordedStackTrace trace) {
        if (trace == null) {
            return null;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                    || type.startsWith("sun.") || type.startsWith("com.sun.")
                    || type.startsWith("workbench.diagnostics.")) {
                continue;
            }
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return simple + "." + frame.getMethod().getName();
        }
        return null;
    }
}
