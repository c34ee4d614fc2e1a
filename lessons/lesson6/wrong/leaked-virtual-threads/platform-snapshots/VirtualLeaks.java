package lesson6;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/** Lesson 3's leak finder, on the cheap snapshots it polls: the stuck threads of every group it suspects. */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    public static Set<Long> leaked(Target target) throws InterruptedException {
        List<ThreadSnapshot> snapshots =
                LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 10, Duration.ofMillis(300));
        List<LeakSuspect> suspects = new LeakFinder().find(snapshots);
        Set<String> groups = suspects.stream().map(LeakSuspect::group).collect(Collectors.toSet());
        return snapshots.getLast().threads().stream()
                .filter(thread -> groups.contains(thread.pool()) && thread.waitsIndefinitely())
                .map(ThreadRecord::id)
                .collect(Collectors.toSet());
    }
}
