package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final Duration TICK = Duration.ofMillis(100);
    private static final double MIB = 1 << 20;
    private static final double BUSY_BEYOND = 4 * MIB;
    private static final double SPIKE_BEYOND = 12 * MIB;
    private static final int QUIET_TICKS_INSIDE_A_BURST = 4;
    private static final Duration SITE_MARGIN = Duration.ofMillis(100);
    private static final List<String> LIBRARY_PACKAGES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "workbench.diagnostics.");

    /** One allocation outside a TLAB: when, where, how much. */
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
        long ownThread = Thread.currentThread().threadId();
        boolean local = target.isCurrent();
        List<Large> large = new ArrayList<>();
        List<Point> points;
        int capacity = (int) (watch.toMillis() / TICK.toMillis()) + 50;
        try (JfrStream stream = JfrStream.open(target);
             Sampler sampler = Sampler.start(target, TICK, capacity)) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", event -> {
                if (local && isOurs(event, ownThread)) {
                    return;
                }
                String site = siteOf(event.getStackTrace());
                if (site != null) {
                    synchronized (large) {
                        large.add(new Large(event.getStartTime(), site, event.getLong("allocationSize")));
                    }
                }
            });
            stream.startAsync();
            Thread.sleep(watch.toMillis());
            stream.stop();
            points = sampler.series("jvm.memory.allocated").points();
        }
        List<Large> events;
        synchronized (large) {
            events = List.copyOf(large);
        }
        return spikes(points, events);
    }

    private static boolean isOurs(RecordedEvent event, long ownThread) {
        RecordedThread thread = event.getThread();
        if (thread == null) {
            return false;
        }
        long id = thread.getJavaThreadId();
        return id == ownThread || id == Thread.currentThread().threadId();
    }

    /** The first frame of the application: the class's simple name and the method. */
    private static String siteOf(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (LIBRARY_PACKAGES.stream().noneMatch(type::startsWith)) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }

    private static List<Spike> spikes(List<Point> points, List<Large> events) {
        List<Spike> found = new ArrayList<>();
        if (points.size() < 3) {
            return found;
        }
        int ticks = points.size() - 1;
        double[] bytes = new double[ticks];
        double[] millis = new double[ticks];
        double[] rates = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            bytes[i] = points.get(i + 1).value() - points.get(i).value();
            millis[i] = Math.max(1, Duration.between(points.get(i).time(), points.get(i + 1).time()).toNanos() / 1e6);
            rates[i] = bytes[i] / millis[i];
        }
        double usualRate = usualRate(rates);
        boolean[] busy = new boolean[ticks];
        for (int i = 0; i < ticks; i++) {
            busy[i] = bytes[i] > usualRate * millis[i] + BUSY_BEYOND;
        }
        Instant watchStart = points.getFirst().time();
        Instant watchEnd = points.getLast().time();
        int i = 0;
        while (i < ticks) {
            if (!busy[i]) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            // A burst rests between large chunks: busy ticks with a few quiet ones between them are one burst.
            for (int j = i + 1; j < ticks && j - last - 1 <= QUIET_TICKS_INSIDE_A_BURST; j++) {
                if (busy[j]) {
                    last = j;
                }
            }
            double beyond = 0;
            for (int k = first; k <= last; k++) {
                beyond += bytes[k] - usualRate * millis[k];
            }
            if (beyond >= SPIKE_BEYOND) {
                Instant from = points.get(first).time();
                Instant to = points.get(last + 1).time();
                String site = culprit(events, from.minus(SITE_MARGIN), to.plus(SITE_MARGIN), watchStart, watchEnd);
                if (site != null) {
                    found.add(new Spike(from, site));
                }
            }
            i = last + 1;
        }
        return found;
    }

    /** What a tick allocates when nothing special happens. */
    private static double usualRate(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The site that made the most large allocations within the burst's window. The steady load's site may win the
     * watch as a whole, but within a burst it is the bursting site that allocates the most.
     */
    private static String culprit(List<Large> events, Instant from, Instant to, Instant watchStart, Instant watchEnd) {
        Map<String, Long> inWindow = new HashMap<>();
        for (Large event : events) {
            if (!event.at().isBefore(from) && !event.at().isAfter(to)) {
                inWindow.merge(event.site(), event.bytes(), Long::sum);
            }
        }
        String best = null;
        long most = 0;
        for (Map.Entry<String, Long> site : inWindow.entrySet()) {
            if (site.getValue() > most) {
                most = site.getValue();
                best = site.getKey();
            }
        }
        return best;
    }
}
