package workbench.diagnostics.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import workbench.diagnostics.target.Target;

/**
 * Finds groups of threads that leak: across a series of snapshots, more and more of their threads get stuck
 * waiting, without a time limit, on the same kind of primitive, and none of them comes back. Where the snapshots
 * count each thread's waits ({@link ThreadRecord#waits()}), a thread that woke between two of them and waits
 * again is not stuck, whatever it waits on.
 *
 * <p>It follows threads by id rather than counting them. A pool that grows and shrinks has threads that wait
 * for a while and then run or end; a leaking pool has threads that, once blocked, stay blocked to the end, and
 * new ones join them at several moments of the observation. A group is a suspect when it has more threads at
 * the end than at the start, and enough threads born while watched have waited on the same blocker class
 * from some snapshot on (for at least the last third of the observation) to the end, having become stuck at
 * enough distinct snapshots. A flat total thread count says nothing either way: a shrinking pool can hide a
 * growing one.
 *
 * <p>A fixed pool that fills up slowly while watched (workers started one by one, then idle on their queue)
 * looks the same within one observation: watch long enough for such a pool to reach its size.
 *
 * <p>Groups are pools ({@link Grouping#POOL}: by name, or by executor for the unnamed virtual threads an executor
 * started); a family of pools ({@link Grouping#FAMILY}) is reported too when
 * no single pool of it leaks but together they do, which is what an executor created per request and never
 * shut down looks like ({@code pool-17-thread-1}, {@code pool-18-thread-1}, ...).
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="leaks"}
 * }
 */
public final class LeakFinder {

    private final int minNewlyStuck;
    private final int minOnsets;

    /** A finder that needs at least 3 threads born and stuck while watched, stuck at 3 or more distinct snapshots. */
    public LeakFinder() {
        this(3, 3);
    }

    /**
     * @param minNewlyStuck threads born during the observation that must be stuck at its end (at least 1)
     * @param minOnsets     distinct snapshots at which they must have become stuck (at least 1); more than one
     *                      tells a steady leak from a pool that filled up once
     */
    public LeakFinder(int minNewlyStuck, int minOnsets) {
        if (minNewlyStuck < 1 || minOnsets < 1) {
            throw new IllegalArgumentException("minNewlyStuck and minOnsets must be at least 1");
        }
        this.minNewlyStuck = minNewlyStuck;
        this.minOnsets = minOnsets;
    }

    /**
     * Takes {@code count} snapshots of the target, {@code interval} apart, from its JSON thread dump: virtual
     * threads included, each with the executor that started it, so that the unnamed virtual threads of one
     * executor form one pool. A dump stops no thread at a safepoint; it costs some 25 ms for a few hundred
     * threads, more with thousands of virtual threads.
     *
     * @throws InterruptedException when interrupted while waiting between snapshots
     * @throws java.io.UncheckedIOException when a dump cannot be taken
     */
    public static List<ThreadSnapshot> watch(Target target, int count, Duration interval)
            throws InterruptedException {
        return watch(() -> ThreadSnapshots.dump(target), count, interval);
    }

    /**
     * Takes {@code count} snapshots from any source, {@code interval} apart. {@code ThreadSnapshots.of(target, 0)}
     * is the cheapest source and sees platform threads only: a leak of virtual threads needs
     * {@link #watch(Target, int, Duration)}.
     *
     * @throws InterruptedException when interrupted while waiting between snapshots
     */
    public static List<ThreadSnapshot> watch(Supplier<ThreadSnapshot> source, int count, Duration interval)
            throws InterruptedException {
        List<ThreadSnapshot> snapshots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Thread.sleep(interval);
            }
            snapshots.add(source.get());
        }
        return snapshots;
    }

    /**
     * The leaking groups, the one with the most newly stuck threads first; empty when nothing leaks.
     *
     * @param snapshots at least three snapshots of the same JVM, oldest first
     */
    public List<LeakSuspect> find(List<ThreadSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.size() < 3) {
            throw new IllegalArgumentException("need at least 3 snapshots to see a trend, got " + snapshots.size());
        }
        List<LeakSuspect> suspects = new ArrayList<>(find(snapshots, Grouping.POOL));
        // A pool keyed by the executor that started its unnamed threads has no name to derive a family from.
        Map<String, String> familyOfPool = new HashMap<>();
        snapshots.getLast().threads().forEach(thread -> familyOfPool.put(thread.pool(), thread.family()));
        Set<String> leakingFamilies = new HashSet<>();
        suspects.forEach(suspect -> leakingFamilies.add(familyOfPool.get(suspect.group())));
        for (LeakSuspect family : find(snapshots, Grouping.FAMILY)) {
            if (!leakingFamilies.contains(family.group())) {
                suspects.add(family);
            }
        }
        suspects.sort(Comparator.comparingInt(LeakSuspect::newlyStuck).reversed());
        return suspects;
    }

    private List<LeakSuspect> find(List<ThreadSnapshot> snapshots, Grouping grouping) {
        int last = snapshots.size() - 1;
        // A thread counts as stuck once it has stayed blocked for at least a third of the observation.
        int latestOnset = last - Math.max(1, last / 3);
        List<Map<Long, ThreadRecord>> byId = snapshots.stream().map(LeakFinder::indexById).toList();
        Map<String, List<ThreadRecord>> lastGroups = snapshots.get(last).groupBy(grouping);
        Map<String, List<ThreadRecord>> firstGroups = snapshots.getFirst().groupBy(grouping);

        List<LeakSuspect> suspects = new ArrayList<>();
        lastGroups.forEach((key, members) -> {
            Map<String, List<Integer>> onsetsByBlocker = new HashMap<>();
            for (ThreadRecord thread : members) {
                int onset = stuckSince(thread, byId);
                if (onset >= 0 && onset <= latestOnset) {
                    onsetsByBlocker.computeIfAbsent(String.valueOf(thread.blocker()), b -> new ArrayList<>())
                            .add(onset);
                }
            }
            onsetsByBlocker.forEach((blocker, onsets) -> {
                List<Integer> newOnsets = onsets.stream().filter(onset -> onset > 0).toList();
                int countAtStart = firstGroups.getOrDefault(key, List.of()).size();
                if (members.size() > countAtStart && newOnsets.size() >= minNewlyStuck
                        && new HashSet<>(newOnsets).size() >= minOnsets) {
                    suspects.add(new LeakSuspect(key, grouping, countAtStart, members.size(), onsets.size(),
                            newOnsets.size(), "null".equals(blocker) ? null : blocker));
                }
            });
        });
        return suspects;
    }

    /**
     * The first snapshot from which the thread has waited, without a time limit, on the same kind of blocker and
     * without waking in between, in every snapshot up to the last; -1 when it does not wait in the last one. A thread
     * that already existed in the first snapshot counts from 0: only threads born while watched show growth, and an
     * idle worker of a steady pool, caught running once, must not look like a new leak.
     */
    private static int stuckSince(ThreadRecord atEnd, List<Map<Long, ThreadRecord>> byId) {
        if (!atEnd.waitsIndefinitely()) {
            return -1;
        }
        if (byId.getFirst().containsKey(atEnd.id())) {
            return stayedStuckThroughout(atEnd, byId) ? 0 : -1;
        }
        int onset = byId.size() - 1;
        while (onset > 0) {
            ThreadRecord earlier = byId.get(onset - 1).get(atEnd.id());
            if (earlier == null || !earlier.waitsIndefinitely()
                    || !Objects.equals(earlier.blocker(), atEnd.blocker()) || atEnd.wokeSince(earlier)
                    || !earlier.name().equals(atEnd.name())) {
                break;
            }
            onset--;
        }
        return onset;
    }

    private static boolean stayedStuckThroughout(ThreadRecord atEnd, List<Map<Long, ThreadRecord>> byId) {
        for (Map<Long, ThreadRecord> snapshot : byId) {
            ThreadRecord then = snapshot.get(atEnd.id());
            if (then == null || !then.waitsIndefinitely() || !Objects.equals(then.blocker(), atEnd.blocker())
                    || atEnd.wokeSince(then)) {
                return false;
            }
        }
        return true;
    }

    private static Map<Long, ThreadRecord> indexById(ThreadSnapshot snapshot) {
        Map<Long, ThreadRecord> index = new HashMap<>();
        snapshot.threads().forEach(thread -> index.put(thread.id(), thread));
        return index;
    }
}
