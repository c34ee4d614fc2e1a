package lesson6;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;

/** Virtual threads that waited on the same blocker in every one of ten JSON dumps over three seconds. */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    public static Set<Long> leaked(Target target) throws InterruptedException {
        List<ThreadSnapshot> snapshots = LeakFinder.watch(target, 10, Duration.ofMillis(300));
        Set<Long> stuck = new HashSet<>();
        for (ThreadRecord thread : snapshots.getFirst().threads()) {
            if (thread.virtual() && thread.waitsIndefinitely() && snapshots.stream().allMatch(snapshot ->
                    snapshot.threads().stream().anyMatch(later -> later.id() == thread.id()
                            && later.waitsIndefinitely() && Objects.equals(later.blocker(), thread.blocker())))) {
                stuck.add(thread.id());
            }
        }
        return stuck;
    }
}
