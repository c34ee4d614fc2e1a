package workbench.diagnostics.threads;

import java.util.Locale;

/**
 * A group of threads that {@link LeakFinder} believes is leaking.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="leaks"}
 *
 * @param group        the group key (a pool such as {@code report-*}, or a family such as {@code pool-*-thread-*})
 * @param grouping     how the group was formed
 * @param countAtStart threads in the group in the first snapshot
 * @param countAtEnd   threads in the group in the last snapshot
 * @param stuck        threads of the group that have waited on the same kind of blocker, without a time limit,
 *                     for a good part of the observation and still do at its end
 * @param newlyStuck   how many of those were started while being watched (the leak's growth)
 * @param blocker      the class of lock, queue condition or latch they wait on; null for a plain
 *                     {@code LockSupport.park()} without a blocker
 */
public record LeakSuspect(String group, Grouping grouping, int countAtStart, int countAtEnd, int stuck,
                          int newlyStuck, String blocker) {

    @Override
    public String toString() {
        return "%s (%s): %d -> %d threads, %d stuck (%d newly) on %s".formatted(group,
                grouping.name().toLowerCase(Locale.ROOT), countAtStart, countAtEnd, stuck, newlyStuck, blocker);
    }
}
