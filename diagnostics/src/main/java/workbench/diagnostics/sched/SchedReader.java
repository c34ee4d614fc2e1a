package workbench.diagnostics.sched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;

/**
 * Reads a JVM's scheduler, one {@link SchedLine} per call. Its gauges (parallelism, carriers, mounted and queued
 * virtual threads, platform threads by state) are the JVM at the moment of the call; its interval figures
 * (safepoints, time stopped, CPU) cover the time since the call before (the first, the time since the reader was
 * opened), so a read right after opening is a whole reading of the moment. Poll it at the pace you want lines;
 * {@link SchedTrace} does that on a thread of its own.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="reader"}
 *
 * <p>Where each figure comes from, none of which stops the world: the virtual-thread scheduler's figures from
 * {@code jdk.management.VirtualThreadSchedulerMXBean} (JDK 24 and later), read in one JMX call; platform threads
 * by state from one {@code ThreadMXBean.getThreadInfo(ids, 0)} call, without stacks; safepoints from the JVM's
 * memory-mapped performance counters; CPU from {@code OperatingSystemMXBean.getProcessCpuTime()}. Virtual
 * threads are not platform threads: only their carriers show among the threads. An attached target costs
 * four JMX round trips per read.
 *
 * <p>Thread-safe. Closing it unmaps the performance counters and leaves the target open; reads after
 * {@link #close()} throw {@link IllegalStateException}.
 */
public final class SchedReader implements AutoCloseable {

    /** The scheduler's MBean, registered by JDK 24 and later. */
    static final String SCHEDULER_BEAN = "jdk.management:type=VirtualThreadScheduler";
    private static final String[] SCHEDULER_ATTRIBUTES = {"Parallelism", "PoolSize", "MountedVirtualThreadCount",
            "QueuedVirtualThreadCount"};

    private final Target target;
    private final ObjectName scheduler;
    private final SafepointCounter safepointCounter;
    private final long startMillis;
    private final int processors;
    private long lastNanos;
    private long lastCpuNanos;
    private SafepointReading lastSafepoints;
    private boolean closed;

    private SchedReader(Target target, ObjectName scheduler, SafepointCounter safepointCounter) {
        this.target = target;
        this.scheduler = scheduler;
        this.safepointCounter = safepointCounter;
        this.startMillis = target.runtime().getStartTime();
        this.processors = target.operatingSystem().getAvailableProcessors();
        this.lastNanos = System.nanoTime();
        this.lastCpuNanos = target.operatingSystem().getProcessCpuTime();
        this.lastSafepoints = safepointCounter == null ? null : safepointCounter.read();
    }

    /**
     * Opens a reader of the target; the interval figures of its first {@link #read()} cover the time from now.
     *
     * @throws IOException when an attached target cannot be reached
     */
    public static SchedReader open(Target target) throws IOException {
        MBeanServerConnection connection = target.connection();
        ObjectName scheduler;
        try {
            scheduler = new ObjectName(SCHEDULER_BEAN);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        return new SchedReader(target, connection.isRegistered(scheduler) ? scheduler : null, safepoints(target));
    }

    /** Performance counters are optional: a JVM run with -XX:-UsePerfData has no safepoint figures. */
    private static SafepointCounter safepoints(Target target) {
        try {
            return Safepoints.of(target);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The target this reader reads. */
    public Target target() {
        return target;
    }

    /**
     * The scheduler now, and what happened since the previous read.
     *
     * @throws UncheckedIOException when an attached target can no longer be reached
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized SchedLine read() {
        if (closed) {
            throw new IllegalStateException("this SchedReader is closed");
        }
        long[] schedulerFigures = schedulerFigures();
        Map<Thread.State, Integer> threads = platformThreads();
        long cpuNanos = target.operatingSystem().getProcessCpuTime();
        SafepointReading safepoints = safepointCounter == null ? null : safepointCounter.read();
        long now = System.nanoTime();
        long wallMillis = System.currentTimeMillis();

        long elapsed = Math.max(1, now - lastNanos);
        double cpuCores = cpuNanos < 0 || lastCpuNanos < 0 ? -1 : (cpuNanos - lastCpuNanos) / (double) elapsed;
        SafepointReading during = safepoints == null ? null : safepoints.minus(lastSafepoints);
        SchedLine line = new SchedLine(Duration.ofMillis(wallMillis - startMillis), Duration.ofNanos(elapsed),
                (int) schedulerFigures[0], (int) schedulerFigures[1], (int) schedulerFigures[2], schedulerFigures[3],
                threads, during == null ? -1 : during.count(), during == null ? Duration.ZERO : during.totalTime(),
                cpuCores, processors);
        lastNanos = now;
        lastCpuNanos = cpuNanos;
        lastSafepoints = safepoints;
        return line;
    }

    /** Parallelism, carriers, mounted and queued, in one JMX call; -1 each when the JVM has no such bean. */
    private long[] schedulerFigures() {
        long[] figures = {-1, -1, -1, -1};
        if (scheduler == null) {
            return figures;
        }
        try {
            AttributeList values = target.connection().getAttributes(scheduler, SCHEDULER_ATTRIBUTES);
            for (Attribute value : values.asList()) {
                for (int i = 0; i < SCHEDULER_ATTRIBUTES.length; i++) {
                    if (SCHEDULER_ATTRIBUTES[i].equals(value.getName())) {
                        figures[i] = ((Number) value.getValue()).longValue();
                    }
                }
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scheduler of process " + target.pid(), e);
        } catch (JMException e) {
            return figures;
        }
    }

    private Map<Thread.State, Integer> platformThreads() {
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : target.threads().getThreadInfo(target.threads().getAllThreadIds(), 0)) {
            if (info != null) {   // the thread ended between listing and reading
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return states;
    }

    /** Unmaps the performance counters; the target stays open. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (safepointCounter != null) {
            safepointCounter.close();
        }
    }
}
