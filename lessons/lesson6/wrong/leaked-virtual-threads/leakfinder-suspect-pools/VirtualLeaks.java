// Misconception: Lesson 3's LeakFinder, fed JSON dumps so it sees virtual threads, names the leaking pools, so their
// threads stuck at the end of the watch are the leaked ones; but a growing group of threads stuck through a few
// seconds is a trend, not proof: threads that wait as long and then finish grow and look stuck the same way.
package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        List<ThreadSnapshot> snapshots = LeakFinder.watch(target, 10, Duration.ofMillis(300));
        List<LeakSuspect> suspects = new LeakFinder(1, 1).find(snapshots);
        ThreadSnapshot last = snapshots.getLast();
        Set<Long> leaked = new HashSet<>();
        for (LeakSuspect suspect : suspects) {
            for (ThreadRecord thread : last.threads()) {
                if (thread.virtual() && thread.waitsIndefinitely()
                        && suspect.grouping().keyOf(thread).equals(suspect.group())
                        && Objects.equals(thread.blocker(), suspect.blocker())) {
                    leaked.add(thread.id());
                }
            }
        }
        return leaked;
    }
}
