/* Misconception: The number a thread factory puts at the end of a thread's name is always a decimal number, so the pool key is the name with its trailing digits (\d+$) replaced by *.
   Why plausible: the lesson states the rule as "the library replaces the trailing number with *" and "only the trailing number goes, all its digits", with decimal examples only (pool-3-thread-12, ledger12, HttpClient-4-Worker-0); the learner implements exactly that, all digits included, keeps names without a number as pools of their own and keys unnamed virtual threads by their container, as the lesson says.
   What it gets wrong: factories also end names with hexadecimal ids or UUIDs (session-9f3a1c7e, worker-550e8400-e29b-41d4-a716-446655440000, handler-0x1f), which the library's pool key replaces whole; a digits-only rule leaves a name ending in a hex letter untouched, so each such thread is a pool of one, and cuts a hex id ending in a digit in the middle (session-9f3a1c7* vs session-9f3a1c8*), splitting one pool into many. Pools numbered in decimal come out right. */
package lesson3;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code thread-census} (lesson 3): count the threads of a JVM by pool and state.
 */
public final class ThreadCensus {

    /** The number a thread factory appends: every trailing digit. */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+$");

    private ThreadCensus() {}

    /**
     * Every thread of the target, virtual threads included, counted by pool and state.
     *
     * @param target the JVM to count
     * @return for each pool key ({@code orders-worker-*} for threads named {@code orders-worker-0},
     *     {@code orders-worker-1}, ...), how many of its threads are in each state
     */
    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        // The JSON dump is the snapshot that lists virtual threads, and the executor that started each.
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            census.computeIfAbsent(poolOf(thread), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    private static String poolOf(ThreadRecord thread) {
        String name = thread.name();
        if (name.isEmpty()) {
            // no name to go by: the executor that started it, its container in the JSON dump
            return thread.container() != null ? thread.container() : "<unnamed>";
        }
        return TRAILING_NUMBER.matcher(name).replaceFirst("*");
    }
}
