package lesson1.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The mystery service's housekeeping: a thread dump now and then, as a stuck-request detector would take. It brings
 * the JVM to a safepoint at a steady rate whatever endpoint is being called, so that any endpoint called long enough
 * shows safepoints that are not its own. One per JVM, shared by every service it runs.
 */
final class Watchdog {

    private static ScheduledExecutorService timer;
    private static int users;

    private Watchdog() {}

    /** Starts the JVM's watchdog with this period, unless it runs already for another service. */
    static synchronized void join(long periodMillis) {
        users++;
        if (timer != null) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        timer = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon()
                .name("watchdog").unstarted(task));
        timer.scheduleAtFixedRate(() -> threads.dumpAllThreads(false, false), periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops the watchdog when the last service that joined it leaves. */
    static synchronized void leave() {
        users--;
        if (users == 0 && timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
