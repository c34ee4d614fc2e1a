package workbench.diagnostics.threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The threads of a JVM at one moment, with ways to group and count them.
 * Take one with {@link ThreadSnapshots}.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="snapshot"}
 * System.out.print(snapshot.table(Grouping.POOL));
 * }
 *
 * @param taken   when the snapshot was taken
 * @param threads every thread in it
 */
public record ThreadSnapshot(Instant taken, List<ThreadRecord> threads) {

    public ThreadSnapshot {
        Objects.requireNonNull(taken, "taken");
        threads = List.copyOf(threads);
    }

    /** How many threads the snapshot holds. */
    public int count() {
        return threads.size();
    }

    /** How many threads are in each state. */
    public Map<Thread.State, Integer> states() {
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        threads.forEach(thread -> states.merge(thread.state(), 1, Integer::sum));
        return states;
    }

    /** The threads grouped by the given key, groups in key order. */
    public Map<String, List<ThreadRecord>> groupBy(Grouping grouping) {
        Map<String, List<ThreadRecord>> groups = new TreeMap<>();
        for (ThreadRecord thread : threads) {
            groups.computeIfAbsent(grouping.keyOf(thread), key -> new ArrayList<>()).add(thread);
        }
        return groups;
    }

    /** One summary per group, the largest group first (ties in key order). */
    public List<GroupSummary> summarize(Grouping grouping) {
        List<GroupSummary> summaries = new ArrayList<>();
        groupBy(grouping).forEach((key, members) -> summaries.add(summaryOf(key, members)));
        summaries.sort(Comparator.comparingInt((GroupSummary group) -> group.count()).reversed()
                .thenComparing(GroupSummary::key));
        return summaries;
    }

    /** The summary of one group, or an empty one when no thread has that key. */
    public GroupSummary group(Grouping grouping, String key) {
        return summaryOf(key, groupBy(grouping).getOrDefault(key, List.of()));
    }

    /** A plain-text table of the groups: key, count and states, one line per group. */
    public String table(Grouping grouping) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-44s %5s  %s%n", grouping.name().toLowerCase(Locale.ROOT), "count", "states"));
        for (GroupSummary group : summarize(grouping)) {
            table.append(String.format("%-44s %5d  %s%n", group.key(), group.count(), new TreeMap<>(group.states())));
        }
        return table.toString();
    }

    /** For the console: when it was taken, how many threads, and their pools as a {@link #table}. */
    @Override
    public String toString() {
        return "ThreadSnapshot at " + taken + ", " + threads.size() + " threads\n" + table(Grouping.POOL);
    }

    private static GroupSummary summaryOf(String key, List<ThreadRecord> members) {
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        Map<String, Integer> blockers = new LinkedHashMap<>();
        TreeSet<String> origins = new TreeSet<>();
        for (ThreadRecord thread : members) {
            states.merge(thread.state(), 1, Integer::sum);
            if (thread.blocker() != null) {
                blockers.merge(thread.blocker(), 1, Integer::sum);
            }
            if (thread.origin() != null) {
                origins.add(thread.origin());
            }
        }
        return new GroupSummary(key, members.size(), states, blockers, origins);
    }
}
