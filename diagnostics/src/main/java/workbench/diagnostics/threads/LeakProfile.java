package workbench.diagnostics.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.heap.HeapGraph;
import workbench.diagnostics.heap.HprofGraphReader;
import workbench.diagnostics.target.Target;

/**
 * Threads blocked forever: each waits, without a time limit, on a lock, queue, latch or monitor that no live
 * thread can reach any more, so nothing can ever wake it. The JVM counterpart of Go 1.26's goroutine leak
 * profile, computed from a heap dump (see {@code Reachability} for the marking).
 *
 * <p>Unlike {@link LeakFinder} it needs a single moment, not a trend, and it is not fooled by a pool that
 * happens to be large: a thousand idle workers of a live executor are reachable through it, one consumer of a
 * forgotten queue is not. It costs a full garbage collection and a heap dump (a stop of the world of tens to
 * hundreds of milliseconds), so it is a diagnostic tool, not a monitor.
 *
 * <p>Threads waiting with a time limit are never reported (they wake up by themselves), nor are threads
 * parked without a blocker object ({@code LockSupport.park()} with no argument): there is nothing to trace.
 *
 * <p>Virtual threads are judged like platform threads. The executor that started one keeps it in a set of its
 * threads, for thread dumps and shutdown, and a virtual thread's object reaches its task and everything the task
 * captured; so that set does not count as a path: a thread reachable only through its executor's bookkeeping and
 * through other blocked threads is leaked, as in Go, even while the executor itself is alive.
 *
 * <p>A heap dump records which object a parked thread waits on, but not the monitor of a {@code synchronized}
 * block or of {@code Object.wait}: that one is found among the objects the waiting frame holds (see
 * {@code Blockers}). When that frame holds other objects of the monitor's class, the thread counts as woken if
 * any of them is reachable, so a leak behind such a frame can go unreported.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="profile"}
 *
 * @param snapshot the threads at the time of the heap dump
 * @param leaked   the threads blocked on something no live thread reaches
 * @param judged   how many blocked threads were examined (leaked or not)
 */
public record LeakProfile(ThreadSnapshot snapshot, List<ThreadRecord> leaked, int judged) {

    public LeakProfile {
        leaked = List.copyOf(leaked);
    }

    /** Profiles this JVM. Its live objects are dumped to a temporary file that is deleted afterwards. */
    public static LeakProfile take() throws IOException {
        return take(Target.current());
    }

    /**
     * Profiles the target: a JSON thread dump, then a heap dump of live objects (written by the target into a
     * temporary folder of this machine, read, then deleted).
     *
     * @throws IOException when a dump cannot be written or read
     */
    public static LeakProfile take(Target target) throws IOException {
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Path dir = Files.createTempDirectory("leak-profile");
        Path heap = dir.resolve("heap.hprof");
        try {
            ThreadSnapshots.diagnosticBean(target).dumpHeap(heap.toString(), true);
            return of(snapshot, heap);
        } finally {
            Files.deleteIfExists(heap);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Profiles a heap dump, given the threads seen just before it was taken (threads are matched by id).
     *
     * @throws IOException when the file cannot be read or is not an HPROF heap dump
     */
    public static LeakProfile of(ThreadSnapshot snapshot, Path heapDump) throws IOException {
        HeapGraph graph = HprofGraphReader.read(heapDump);
        Map<Integer, int[]> blockersBySerial = new HashMap<>();
        Map<Integer, ThreadRecord> threadBySerial = new HashMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            HeapGraph.ThreadObject inHeap = graph.threadsByTid().get(thread.id());
            if (!thread.waitsIndefinitely() || inHeap == null) {
                continue;
            }
            int[] blockers = Blockers.of(thread, inHeap, graph);
            if (blockers.length > 0) {
                blockersBySerial.put(inHeap.serial(), blockers);
                threadBySerial.put(inHeap.serial(), thread);
            }
        }
        List<ThreadRecord> leaked = new ArrayList<>();
        Reachability.unreachable(graph, blockersBySerial).forEach(serial -> leaked.add(threadBySerial.get(serial)));
        leaked.sort((a, b) -> a.name().compareTo(b.name()));
        return new LeakProfile(snapshot, leaked, blockersBySerial.size());
    }

    /** How many leaked threads each pool has. */
    public Map<String, Integer> leakedByPool() {
        Map<String, Integer> pools = new TreeMap<>();
        leaked.forEach(thread -> pools.merge(thread.pool(), 1, Integer::sum));
        return pools;
    }

    /** A line for the console: how many blocked threads were judged and the leaked ones by pool. */
    @Override
    public String toString() {
        return "LeakProfile: " + judged + " blocked threads judged, " + leaked.size() + " leaked "
                + leakedByPool();
    }
}
