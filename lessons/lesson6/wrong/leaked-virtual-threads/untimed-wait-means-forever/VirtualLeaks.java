/*
 * Misconception: a virtual thread that waits WITHOUT a time limit (WAITING or BLOCKED) on a real primitive is
 * blocked forever; the ones that "wait a while and then finish" are the ones with a timeout. So one JSON thread
 * dump is enough: drop timed waits (by state and, to be safe, by the method names on the stack), bare parks and
 * idle pool workers, and every other waiting virtual thread is leaked.
 * Why a learner would believe it: the lessons stress that threads waiting with a timeout "wake up by themselves"
 * and are never reported, that LockSupport.park() without a blocker is never named, and that idle consumers of a
 * live pool are healthy. Strip those three away and what is left looks exactly like the leak examples: untimed
 * waits on a SynchronousQueue, a CountDownLatch, a lock or a monitor.
 * What is actually right: "no timeout" is not "forever". A thread waiting without a time limit finishes as soon as
 * something alive signals the latch, takes from the queue or releases the lock; the decoys wait untimed on the
 * same kinds of primitive and then finish. What makes a wait endless is that no live thread can reach the
 * primitive any more: LeakProfile.take(target).leaked(), virtual() ones, by id().
 */
package lesson6;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 *
 * <p>Try it in the console on the lab JVM ({@code Target.current()}) after starting a few virtual threads of your
 * own. Check it with {@code /check} or {@code ./workbench check leaked-virtual-threads}.
 */
public final class VirtualLeaks {

    /** Frames of a wait that ends by itself, whatever state the dump reports for an unmounted virtual thread. */
    private static final List<String> TIMED_FRAMES = List.of(
            "java.lang.Thread.sleep", "java.lang.VirtualThread.sleepNanos", "java.lang.VirtualThread.parkNanos",
            "java.util.concurrent.locks.LockSupport.parkNanos", "java.util.concurrent.locks.LockSupport.parkUntil",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitUntil",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer.tryAcquireNanos",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer.tryAcquireSharedNanos",
            ".poll(", ".offer(", ".tryLock(", ".tryAcquire(", ".tryTransfer(");

    /** Frames of a pool's idle worker waiting for its next task: big, waiting and healthy. */
    private static final List<String> IDLE_WORKER_FRAMES = List.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask(", "java.util.concurrent.ForkJoinPool.awaitWork(",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(");

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        // One moment is enough (lesson 3, "Blocked on what nobody can reach"), and only the JSON dump sees
        // virtual threads: ThreadMXBean lists platform threads only.
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);

        Set<Long> leaked = new TreeSet<>();
        for (ThreadRecord thread : snapshot.threads()) {
            if (!thread.virtual() || !thread.waitsIndefinitely()) {
                continue;  // running, or TIMED_WAITING: it wakes up by itself
            }
            if (thread.blocker() == null && !inObjectWait(thread)) {
                continue;  // LockSupport.park() without a blocker: anyone holding the Thread can unpark it
            }
            if (waitsWithTimeout(thread) || idleWorker(thread)) {
                continue;
            }
            leaked.add(thread.id());  // waits with no time limit on a queue, latch, lock or monitor: never returns
        }
        return leaked;
    }

    private static boolean waitsWithTimeout(ThreadRecord thread) {
        return thread.stack().stream().anyMatch(frame -> TIMED_FRAMES.stream().anyMatch(frame::contains));
    }

    private static boolean idleWorker(ThreadRecord thread) {
        return thread.stack().stream().anyMatch(frame -> IDLE_WORKER_FRAMES.stream().anyMatch(frame::startsWith));
    }

    private static boolean inObjectWait(ThreadRecord thread) {
        return !thread.stack().isEmpty() && thread.stack().getFirst().startsWith("java.lang.Object.wait");
    }
}
