/* Misconception: a blocked virtual thread whose executor still has a thread that runs or waits with a time limit is not leaked, because that sibling will run again and, sharing the executor's tasks and what they captured, can still wake it.
   Why plausible: the lesson says a thread reachable "only through its executor's set and through other blocked threads" is leaked, so a thread of the same executor that is not blocked reads as a live path the rule leaves open; tasks of one executor are often the same lambda over the same queue, and the lesson stresses that whoever is alive can wake a waiter.
   What it gets wrong: a sibling is a path only if something it holds actually reaches the blocker, and LeakProfile's heap-dump marking already counts every live thread's frames; sharing an executor shares nothing else, so any executor that also runs healthy tasks (a server's request executor, a decoy sleeping or waiting with a time limit) hides all its real leaks, and the answer reports none of them. */
package lesson6;

import java.io.IOException;
import java.util.HashSet;
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

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        LeakProfile profile = LeakProfile.take(target);
        // Executors that still have a thread that will run again: running, or waiting with a time limit.
        Set<String> activeExecutors = new HashSet<>();
        for (ThreadRecord thread : profile.snapshot().threads()) {
            if (thread.container() != null && !thread.waitsIndefinitely()) {
                activeExecutors.add(thread.container());
            }
        }
        Set<Long> ids = new TreeSet<>();
        for (ThreadRecord thread : profile.leaked()) {
            if (!thread.virtual()) {
                continue;
            }
            // A live sibling of the same executor can still reach what the executor's tasks share.
            if (thread.container() != null && activeExecutors.contains(thread.container())) {
                continue;
            }
            ids.add(thread.id());
        }
        return ids;
    }
}
