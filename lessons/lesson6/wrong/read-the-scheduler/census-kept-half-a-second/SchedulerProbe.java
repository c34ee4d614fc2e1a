package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ThreadInfo;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code read-the-scheduler} (lesson 6): read the virtual-thread scheduler of a running JVM, which may be
 * another process, the way one line of Go's {@code GODEBUG=schedtrace} reads the Go scheduler.
 */
public final class SchedulerProbe {

    /**
     * The scheduler of one JVM at one moment.
     *
     * @param parallelism     how many carriers the virtual-thread scheduler aims to keep busy
     * @param carriers        carrier threads the scheduler has now, busy or idle
     * @param mounted         virtual threads mounted on a carrier now (running, or pinned to it)
     * @param queued          virtual threads ready to run that wait for a carrier
     * @param platformThreads live platform threads by state, carriers included; a state with no thread may be left
     *                        out or mapped to 0
     */
    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          Map<Thread.State, Integer> platformThreads) {}

    private static final ObjectName SCHEDULER;
    private static final String[] FIGURES = {"Parallelism", "PoolSize", "MountedVirtualThreadCount",
            "QueuedVirtualThreadCount"};
    /** "Cheap enough to repeat every few hundred ms" (lesson 3): no more often than that. */
    private static final long CENSUS_EVERY_NANOS = 500_000_000L;

    static {
        try {
            SCHEDULER = new ObjectName("jdk.management:type=VirtualThreadScheduler");
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Census(long takenNanos, Map<Thread.State, Integer> states) {}

    private static final Map<Long, Census> CENSUS = new ConcurrentHashMap<>();

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        long[] figures = {-1, -1, -1, -1};
        try {
            AttributeList values = target.connection().getAttributes(SCHEDULER, FIGURES);
            for (Attribute value : values.asList()) {
                for (int i = 0; i < FIGURES.length; i++) {
                    if (FIGURES[i].equals(value.getName())) {
                        figures[i] = ((Number) value.getValue()).longValue();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scheduler of process " + target.pid(), e);
        } catch (JMException e) {
            throw new IllegalStateException("no virtual-thread scheduler bean in process " + target.pid(), e);
        }
        return new Reading((int) figures[0], (int) figures[1], (int) figures[2], figures[3], census(target));
    }

    /** Platform threads by state, retaken once the last census is older than the budget. */
    private static Map<Thread.State, Integer> census(Target target) {
        long now = System.nanoTime();
        Census last = CENSUS.get(target.pid());
        if (last != null && now - last.takenNanos() < CENSUS_EVERY_NANOS) {
            return last.states();
        }
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : target.threads().getThreadInfo(target.threads().getAllThreadIds(), 0)) {
            if (info != null) {   // ended between listing and reading
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        Map<Thread.State, Integer> copy = Map.copyOf(states);
        CENSUS.put(target.pid(), new Census(now, copy));
        return copy;
    }
}
