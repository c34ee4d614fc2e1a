// Wrong answer: finds when the total allocation rate jumps above its usual level, but names the call site
// that allocated the most over the whole watch, which is the steady load, not the one that burst.
package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-spike} (lesson 2): a service allocates steadily and, now and then, in bursts.
 * Watch it with the library's live streams and tell when each burst happened and which call site made it.
 *
 * <p>Try it in the console against {@code /demo start allocation-spikes}:
 * {@code SpikeFinder.findSpikes(Target.current(), Duration.ofSeconds(10))}, then compare with
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

    /** Short enough to date a burst, long enough for a throttled sample stream to fill. */
    private static final Duration SLICE = Duration.ofMillis(250);
    /** A slice is a spike when its site allocated this much more than three times its usual slice. */
    private static final long ABOVE_USUAL = 4L << 20;

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
        Instant start = Instant.now();
        long watcher = Thread.currentThread().threadId();
        Set<Long> sampledThreads = ConcurrentHashMap.newKeySet();
        Map<String, Map<Long, Long>> bytesBySiteAndSlice = new ConcurrentHashMap<>();
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND).withStackTrace();
            stream.onEvent("jdk.ObjectAllocationSample", sample -> {
                RecordedThread thread = sample.getThread("eventThread");
                long id = thread == null ? -1 : thread.getJavaThreadId();
                // A thread's first sample weighs everything it allocated since it started: not a rate.
                boolean first = sampledThreads.add(id);
                if (!first && !(target.isCurrent() && id == watcher)) {
                    addSample(sample, start, bytesBySiteAndSlice);
                }
            });
            stream.startAsync();
            Thread.sleep(watch);
            stream.stop();
        }
        long slices = watch.toMillis() / SLICE.toMillis() + 1;
        Map<Long, Long> total = new ConcurrentHashMap<>();
        Map<String, Long> bySite = new ConcurrentHashMap<>();
        bytesBySiteAndSlice.forEach((site, bySlice) -> bySlice.forEach((slice, bytes) -> {
            total.merge(slice, bytes, Long::sum);
            bySite.merge(site, bytes, Long::sum);
        }));
        String top = bySite.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
        long[] perSlice = new long[(int) slices];
        total.forEach((slice, bytes) -> {
            if (slice >= 0 && slice < slices) {
                perSlice[slice.intValue()] = bytes;
            }
        });
        long[] sorted = perSlice.clone();
        Arrays.sort(sorted);
        long threshold = sorted[sorted.length / 2] + ABOVE_USUAL;
        List<Spike> spikes = new ArrayList<>();
        for (int slice = 0; slice < perSlice.length; slice++) {
            if (perSlice[slice] > threshold && (slice == 0 || perSlice[slice - 1] <= threshold)) {
                spikes.add(new Spike(start.plus(SLICE.multipliedBy(slice)), top));
            }
        }
        spikes.sort(Comparator.comparing(Spike::at));
        return spikes;
    }

    private static void addSample(RecordedEvent sample, Instant start, Map<String, Map<Long, Long>> bySiteAndSlice) {
        long slice = Duration.between(start, sample.getStartTime()).toMillis() / SLICE.toMillis();
        bySiteAndSlice.computeIfAbsent(site(sample), s -> new ConcurrentHashMap<>())
                .merge(slice, sample.getLong("weight"), Long::sum);
    }

    /** The first frame outside the JDK and the library: where the application asked for the memory. */
    private static String site(RecordedEvent sample) {
        RecordedStackTrace stack = sample.getStackTrace();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                        && !type.startsWith("workbench.diagnostics.")) {
                    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
                }
            }
        }
        return "unknown";
    }
}
