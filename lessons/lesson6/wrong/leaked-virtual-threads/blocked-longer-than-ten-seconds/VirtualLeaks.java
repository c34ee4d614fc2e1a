// Misconception: Healthy virtual threads wait milliseconds, so one still parked on the same blocker after ten seconds
// is stuck for good; the learner picks a "long enough" wait as the line, but a thread waiting longer than any
// threshold on something a live thread will still signal is not leaked, and only reachability tells them apart.
package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 */
public final class VirtualLeaks {

    /** Longer than any healthy wait in a request path. */
    private static final Duration STUCK_AFTER = Duration.ofSeconds(10);

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        ThreadSnapshot before = ThreadSnapshots.dump(target);
        Thread.sleep(STUCK_AFTER);
        ThreadSnapshot after = ThreadSnapshots.dump(target);
        Map<Long, ThreadRecord> earlier = new HashMap<>();
        before.threads().forEach(thread -> earlier.put(thread.id(), thread));
        Set<Long> leaked = new HashSet<>();
        for (ThreadRecord now : after.threads()) {
            ThreadRecord then = earlier.get(now.id());
            if (now.virtual() && now.waitsIndefinitely() && then != null && then.waitsIndefinitely()
                    && Objects.equals(then.blocker(), now.blocker()) && then.stack().equals(now.stack())) {
                leaked.add(now.id());
            }
        }
        return leaked;
    }
}
