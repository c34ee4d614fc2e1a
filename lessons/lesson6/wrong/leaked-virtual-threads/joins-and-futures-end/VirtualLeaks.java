/* Misconception: a virtual thread that waits for another thread or task to finish (Thread.join, Future.get, CompletableFuture.join) is not leaked, since threads and tasks end; only waits on a queue, latch or lock can last forever.
   Why plausible: the exercise's stub describes leaked threads as each waiting "on a queue, latch or lock that nothing alive can reach", and the lesson's decoys are threads that "wait a while and then finish", so waiting for someone's end reads as waiting for something that is bound to come.
   What it gets wrong: a join or Future.get is a wait on an object like any other (the thread's termination latch, the FutureTask, the CompletableFuture), and LeakProfile judges it by reachability: a thread waiting for a task that is itself leaked, for a Future whose task was dropped by an executor, or for a CompletableFuture nobody can complete any more waits forever; the answer misses every such leak and every chain of threads leaked behind another. */
package lesson6;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): the target's virtual threads blocked forever on something no
 * live thread can reach, judged by reachability in a heap dump (the JVM's goroutine leak profile).
 */
public final class VirtualLeaks {

    /** Frames of a thread that waits for another thread or task to end, not on a queue, latch or lock. */
    private static final List<String> WAITS_FOR_AN_END = List.of(
            "java.lang.Thread.join(",
            "java.lang.VirtualThread.joinNanos(",
            "java.util.concurrent.FutureTask.get(",
            "java.util.concurrent.FutureTask.awaitDone(",
            "java.util.concurrent.CompletableFuture.get(",
            "java.util.concurrent.CompletableFuture.join(",
            "java.util.concurrent.CompletableFuture.waitingGet(",
            "java.util.concurrent.ForkJoinTask.get(",
            "java.util.concurrent.ForkJoinTask.join(");

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        LeakProfile profile = LeakProfile.take(target);
        Set<Long> ids = new TreeSet<>();
        for (ThreadRecord thread : profile.leaked()) {
            if (thread.virtual() && !waitsForAnEnd(thread)) {
                ids.add(thread.id());
            }
        }
        return ids;
    }

    /** Whether the thread waits for another thread or task to finish, which it will. */
    private static boolean waitsForAnEnd(ThreadRecord thread) {
        for (String frame : thread.stack()) {
            for (String prefix : WAITS_FOR_AN_END) {
                if (frame.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
