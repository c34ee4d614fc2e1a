// Misconception: BLOCKED means waiting to acquire a lock, whatever the lock, so a thread parked in
//   ReentrantLock.lock() (or a read-write lock) is BLOCKED like one waiting to enter synchronized; WAITING is kept
//   for threads that wait for a signal (a queue, a latch, a condition).
// Why plausible: the lesson describes the states as "BLOCKED on a monitor, WAITING without a time limit" and lists
//   ReentrantLock.lock() beside the monitor cases ("a ReentrantLock.lock() on ReentrantLock$NonfairSync, Object.wait()
//   and synchronized on the monitor's own class"); the snapshot gives the blocker's class, which tells a lock apart
//   from a queue, so reading the state off it looks more precise than the JVM's generic WAITING.
// What it gets wrong: the census reports each state as the JVM does. A thread waiting for a
//   java.util.concurrent lock is parked, and the JVM reports it WAITING (TIMED_WAITING with tryLock(timeout)); only
//   a monitor makes it BLOCKED. Any pool whose threads wait for a ReentrantLock or ReentrantReadWriteLock moves from
//   WAITING to BLOCKED. Targets whose threads wait only on queues, latches and monitors come out right.
package lesson3;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code thread-census} (lesson 3): count the threads of a JVM by pool and state.
 */
public final class ThreadCensus {

    /** Blockers that are locks to acquire, not signals to wait for. */
    private static final String[] LOCKS = {
        "java.util.concurrent.locks.ReentrantLock$",
        "java.util.concurrent.locks.ReentrantReadWriteLock$",
    };

    private ThreadCensus() {}

    /**
     * Every thread of the target, virtual threads included, counted by pool and state.
     *
     * @param target the JVM to count
     * @return for each pool key ({@code orders-worker-*} for threads named {@code orders-worker-0},
     *     {@code orders-worker-1}, ...), how many of its threads are in each state
     */
    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);   // the JSON dump: virtual threads too
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            census.computeIfAbsent(thread.pool(), key -> new EnumMap<>(Thread.State.class))
                    .merge(stateOf(thread), 1, Integer::sum);
        }
        return census;
    }

    /** The thread's state, with a wait to acquire a lock counted as BLOCKED, as a wait to enter a monitor is. */
    private static Thread.State stateOf(ThreadRecord thread) {
        if (thread.state() == Thread.State.WAITING && thread.blocker() != null) {
            for (String lock : LOCKS) {
                if (thread.blocker().startsWith(lock)) {
                    return Thread.State.BLOCKED;
                }
            }
        }
        return thread.state();
    }
}
