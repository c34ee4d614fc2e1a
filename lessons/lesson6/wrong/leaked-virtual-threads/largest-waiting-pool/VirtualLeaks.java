// Misconception: A leak is what piles up, so the executor (pool) with the most virtual threads parked without a time
// limit is the leaking one and all its waiting threads are leaked; but a big pool of idle consumers on a live queue
// is big, waiting and healthy, while a leak of a few threads elsewhere is missed.
package lesson6;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

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
        ThreadSnapshot dump = ThreadSnapshots.dump(target);
        // Unnamed virtual threads are grouped by the executor that started them.
        Map<String, List<ThreadRecord>> waitingByPool = dump.threads().stream()
                .filter(ThreadRecord::virtual)
                .filter(ThreadRecord::waitsIndefinitely)
                .collect(Collectors.groupingBy(Grouping.POOL::keyOf));
        return waitingByPool.values().stream()
                .max(Comparator.comparingInt(List::size))
                .map(threads -> threads.stream().map(ThreadRecord::id).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
