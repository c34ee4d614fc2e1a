/*
 * Misconception: A spike is a tick that allocated more than a fixed number of bytes, a threshold read off the demo the learner watched.
 * Why a learner would believe it: In the console the steady load sits at about 2.4 MiB per 100 ms and every burst towers far above 6 MiB, so a constant cut-off separates them perfectly on that run.
 * What is actually right: The steady rate is random and may be far higher (the checks make it allocate more in total than the spikes), so judge each tick against the run's own usual (median) tick and call it busy only when it exceeds that by a margin.
 */
package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** One allocation made outside a TLAB: when, where, how big. */
    private record Allocation(Instant at, String site, long bytes) {
    }

    private static final Duration TICK = Duration.ofMillis(100);
    private static final double MIB = 1 << 20;
    /**
     * The service's steady load allocates about 24 MB/s, 2.4 MiB per 100 ms tick; a tick of more than 6 MiB
     * is a burst.
     */
    private static final double BUSY_BYTES = 6 * MIB;
    /** A burst is a spike when its ticks together allocated at least this much. */
    private static final double SPIKE_BYTES = 20 * MIB;
    private static final Duration MARGIN = Duration.ofMillis(100);
    private static final List<String> NOT_APPLICATION =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "workbench.diagnostics.");

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
        long watcher = Thread.currentThread().threadId();
        List<Allocation> large = new CopyOnWriteArrayList<>();
        List<Point> counter;
        int capacity = (int) (watch.toMillis() / TICK.toMillis()) + 50;
        try (Sampler sampler = Sampler.start(target, TICK, capacity);
             JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", event -> {
                if (target.isCurrent() && ours(event, watcher)) {
                    return;
                }
                String site = site(event.getStackTrace());
                if (site != null) {
                    large.add(new Allocation(event.getStartTime(), site, event.getLong("allocationSize")));
                }
            });
            stream.startAsync();
            Thread.sleep(watch.toMillis());
            stream.stop();
            counter = sampler.series("jvm.memory.allocated").points();
        }
        return spikes(counter, large);
    }

    /** Bursts in the exact counter, each named by the site with the most large allocations around it. */
    private static List<Spike> spikes(List<Point> counter, List<Allocation> large) {
        List<Spike> spikes = new ArrayList<>();
        int ticks = counter.size() - 1;
        if (ticks < 3) {
            return spikes;
        }
        double[] bytes = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            bytes[i] = counter.get(i + 1).value() - counter.get(i).value();
        }
        int i = 0;
        while (i < ticks) {
            if (bytes[i] <= BUSY_BYTES) {
                i++;
                continue;
            }
            int end = i;
            double total = 0;
            while (end < ticks && bytes[end] > BUSY_BYTES) {
                total += bytes[end];
                end++;
            }
            if (total >= SPIKE_BYTES) {
                Instant from = counter.get(i).time();
                Instant to = counter.get(end).time();
                spikes.add(new Spike(from, busiestSite(large, from.minus(MARGIN), to.plus(MARGIN))));
            }
            i = end;
        }
        return spikes;
    }

    private static String busiestSite(List<Allocation> large, Instant from, Instant to) {
        Map<String, Long> bySite = new HashMap<>();
        for (Allocation allocation : large) {
            if (!allocation.at().isBefore(from) && !allocation.at().isAfter(to)) {
                bySite.merge(allocation.site(), allocation.bytes(), Long::sum);
            }
        }
        return bySite.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
    }

    /** Allocations of the watching thread, or of the stream's own thread (the one running this callback). */
    private static boolean ours(RecordedEvent event, long watcher) {
        RecordedThread thread = event.getThread();
        if (thread == null) {
            return false;
        }
        long id = thread.getJavaThreadId();
        return id == watcher || id == Thread.currentThread().threadId();
    }

    /** The first frame of the application: below the JDK's own frames and the library's. */
    private static String site(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (NOT_APPLICATION.stream().noneMatch(type::startsWith)) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }
}
