// Misconception: the lesson's snippet with Target.current() is the way to watch the service, so it can be pasted into the exercise as is.
// Why a learner would believe it: in the console the demo runs inside the lab JVM, so Target.current() is the service there and the snippet names the leaking pool every time.
// What is actually right: the exercise hands the service's JVM as the Target parameter; snapshots must come from that target, not from the JVM running the check.
package lesson3;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 */
public final class LeakDetective {

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        // exactly the lesson's snippet: ten snapshots without stacks, 300 ms apart
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(Target.current(), 0), 10,
                Duration.ofMillis(300));
        List<LeakSuspect> suspects = new LeakFinder().find(series);
        return suspects.isEmpty() ? null : suspects.getFirst().group();
    }
}
