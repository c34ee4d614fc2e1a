package lesson3.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * The threads of this JVM started since a moment (before a quote service was built), told apart from the rest by
 * id, virtual threads included: what the service started and still has alive. The JVM's own helpers, which start
 * when they please (the virtual-thread scheduler's carriers and pollers, the common pool, the HTTP client's shared
 * idle-connection timer), never count, nor do the threads of the check's own load (its price backend and its
 * callers).
 */
final class StartedThreads {

    private static final Pattern NOT_THE_SERVICE = Pattern.compile("C[12] CompilerThread\\d+"
            + "|ForkJoinPool-\\d+-worker-\\d+|ForkJoinPool\\.commonPool-worker-\\d+|VirtualThread-un(parker|blocker)"
            + "|(Read|Write|Master)-Poller|idle-timeout-task"
            + "|Common-Cleaner|Attach Listener|Notification Thread|Signal Dispatcher|JFR .*|process reaper|junit-.*"
            + "|HTTP-Dispatcher|price-backend-\\d+|quote-caller-\\d+");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> before;
    private final int platformBefore;
    private int platformPeak;

    private StartedThreads() {
        platformBefore = threads.getThreadCount();
        before = ThreadSnapshots.dump().threads().stream().map(ThreadRecord::id).collect(Collectors.toSet());
        platformPeak = platformBefore;
    }

    /** Starts telling the threads alive now from those started from now on. */
    static StartedThreads fromNow() {
        return new StartedThreads();
    }

    /**
     * Notes how many platform threads are alive now; call it often (it costs a few microseconds), from any thread.
     */
    synchronized void sample() {
        platformPeak = Math.max(platformPeak, threads.getThreadCount());
    }

    /** Whether the thread was started since {@link #fromNow()}, and not by the JVM for itself. */
    boolean isNew(ThreadRecord thread) {
        return !before.contains(thread.id()) && !NOT_THE_SERVICE.matcher(thread.name()).matches();
    }

    /** The threads started since {@link #fromNow()} and alive now (a JSON thread dump: tens of milliseconds). */
    List<ThreadRecord> alive() {
        return ThreadSnapshots.dump().threads().stream().filter(this::isNew).toList();
    }

    /**
     * The most threads started since {@link #fromNow()} alive at once: the platform peak of the samples, plus the
     * virtual threads alive now (virtual threads that stay, stay to the end).
     */
    synchronized int peak() {
        sample();
        long virtual = alive().stream().filter(ThreadRecord::virtual).count();
        return platformPeak - platformBefore + (int) virtual;
    }
}
