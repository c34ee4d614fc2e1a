/*
 * Misconception: a virtual thread that sits blocked in exactly the same place (same state, same blocker, same
 * stack) in every JSON thread dump of a watch of several seconds has never woken, so it is leaked.
 * Why a learner would believe it: lesson 3 says a leaked thread "stays blocked on the same kind of primitive until
 * the end, without waking once", and LeakFinder follows threads by id across snapshots. Virtual threads have no
 * count of waits in a JSON dump (waits() is -1), so an unchanged stack looks like the natural stand-in for "did
 * not wake", and six seconds of a thread never moving feels like "forever".
 * What is actually right: a snapshot series cannot tell a thread that waits half a minute from one that waits
 * forever; both look identical in every dump of the watch. Only reachability tells them apart: a thread is leaked
 * when what it waits on can no longer be reached by any live thread (LeakProfile.take(target), keeping the
 * virtual() records), even when its executor is still alive.
 */
package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 *
 * <p>Try it in the console on the lab JVM ({@code Target.current()}) after starting a few virtual threads of your
 * own. Check it with {@code /check} or {@code ./workbench check leaked-virtual-threads}.
 */
public final class VirtualLeaks {

    /** JSON dumps to take: ThreadMXBean would not see virtual threads at all. */
    private static final int SNAPSHOTS = 12;
    /** 12 dumps, 500 ms apart: a watch of about six seconds. */
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        // JSON thread dumps see virtual threads, with their blockers and stacks (lesson 6).
        List<ThreadSnapshot> series = LeakFinder.watch(target, SNAPSHOTS, INTERVAL);
        List<Map<Long, ThreadRecord>> byId = series.stream().map(VirtualLeaks::indexById).toList();

        Set<Long> leaked = new TreeSet<>();
        for (ThreadRecord atEnd : series.getLast().threads()) {
            if (!atEnd.virtual() || !atEnd.waitsIndefinitely()) {
                continue;  // running, sleeping or waiting with a timeout: it wakes by itself
            }
            if (atEnd.blocker() == null) {
                continue;  // parked without a blocker: whoever holds the Thread can unpark it (lesson 6 pitfalls)
            }
            if (idleWorker(atEnd)) {
                continue;  // a pool's idle consumer waiting for work on its executor's queue is healthy
            }
            if (neverMoved(atEnd, byId)) {
                leaked.add(atEnd.id());
            }
        }
        return leaked;
    }

    /**
     * True when the thread is in every snapshot, blocked without a time limit on the same blocker class with the
     * very same stack. Virtual threads have no count of waits (-1), so an unchanged stack stands in for "never
     * woke": a thread that woke and ran would show another stack, or be gone, in at least one dump.
     */
    private static boolean neverMoved(ThreadRecord atEnd, List<Map<Long, ThreadRecord>> byId) {
        for (Map<Long, ThreadRecord> snapshot : byId) {
            ThreadRecord then = snapshot.get(atEnd.id());
            if (then == null || !then.waitsIndefinitely() || then.state() != atEnd.state()
                    || !Objects.equals(then.blocker(), atEnd.blocker()) || !then.stack().equals(atEnd.stack())
                    || atEnd.wokeSince(then)) {
                return false;
            }
        }
        return true;
    }

    private static boolean idleWorker(ThreadRecord thread) {
        for (String frame : thread.stack()) {
            if (frame.startsWith("java.util.concurrent.ThreadPoolExecutor.getTask(")
                    || frame.startsWith("java.util.concurrent.ForkJoinPool.awaitWork(")) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, ThreadRecord> indexById(ThreadSnapshot snapshot) {
        Map<Long, ThreadRecord> index = new HashMap<>();
        snapshot.threads().forEach(thread -> index.put(thread.id(), thread));
        return index;
    }
}
