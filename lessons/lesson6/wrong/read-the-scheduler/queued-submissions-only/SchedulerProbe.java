package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code read-the-scheduler} (lesson 6): read the virtual-thread scheduler of a running JVM, which may be
 * another process, the way one line of Go's {@code GODEBUG=schedtrace} reads the Go scheduler.
 *
 * <p>Try it in the console first on the lab JVM ({@code Target.current()}), with the {@code carrier-service} demo
 * running. Check it with {@code /check} or {@code ./workbench check read-the-scheduler}.
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

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        // jcmd <pid> Thread.vthread_scheduler (JDK 24+), over JMX so it works for another process too. It prints the
        // scheduler's ForkJoinPool in one line, the JVM's own "SCHED" line:
        // ForkJoinPool@..[Running, parallelism = 2, size = 2, active = 2, running = 0, steals = 2, tasks = 0, submissions = 14]
        String pool;
        try {
            pool = (String) target.connection().invoke(new ObjectName(DIAGNOSTIC_COMMAND), "threadVthreadScheduler",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("the target has no Thread.vthread_scheduler command (JDK 24+)", e);
        }
        int parallelism = (int) field(pool, "parallelism");
        int carriers = (int) field(pool, "size");
        int mounted = (int) field(pool, "active");
        // Go's runqueue= is the scheduler's global run queue: here the pool's submission queue, where ready virtual
        // threads wait until a carrier takes them.
        long queued = field(pool, "submissions");

        ThreadMXBean threads = target.threads();
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return new Reading(parallelism, carriers, mounted, queued, states);
    }

    private static long field(String pool, String name) {
        Matcher matcher = Pattern.compile("\\b" + name + " = (\\d+)").matcher(pool);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + pool.strip());
        }
        return Long.parseLong(matcher.group(1));
    }
}
