package workbench.diagnostics.threads;

import java.util.List;
import java.util.function.Predicate;
import workbench.diagnostics.heap.HeapGraph;

/**
 * The objects a blocked thread may be waiting on, found in a heap dump: what {@link LeakProfile} traces.
 *
 * <p>A parked thread names its blocker in its {@code parkBlocker} field: one object, exact. For a monitor
 * ({@code synchronized}, {@code Object.wait}) the heap dump holds nothing of the kind: HotSpot writes no
 * ROOT_MONITOR_USED or ROOT_THREAD_BLOCK records, and no identity hash that would match the thread dump's
 * {@code java.lang.Object@1b6d3586}. It does write every object in a local or operand of a Java frame, with the
 * frame's depth. So the thread's frames are searched from the innermost outwards, and the first one holding
 * objects of the class the thread dump names gives the candidates:
 * <ul>
 *   <li>While {@code Object.wait} runs in the interpreter, its own frame holds the monitor as {@code this}:
 *       exact.</li>
 *   <li>Once the JIT has compiled {@code Object.wait}, {@code this} is dead during the wait and the heap dump
 *       leaves it out; so does the JVM's JSON thread dump, which then has no {@code waitingOn} and names no
 *       class. The frame that called {@code wait} still holds the monitor, because a {@code synchronized} block
 *       keeps its lock in a local until it exits. Without a class, every object of that frame is a
 *       candidate.</li>
 *   <li>A thread waiting to enter a monitor holds it in its innermost frame, in that same local (or as
 *       {@code this} of a {@code synchronized} method).</li>
 * </ul>
 * The dump cannot tell which of several candidates is the monitor: all are returned, and the thread counts as
 * woken when any of them is reachable, so a live object of the same class in the waiting frame can hide a leak.
 * A compiled {@code synchronized} method that no longer uses {@code this} keeps its monitor in no local; then
 * the frames further out are searched, and they may offer unrelated objects of the same class.
 */
final class Blockers {

    private static final int[] NONE = {};

    private Blockers() {
    }

    /** Nodes of the objects the thread may be waiting on; empty when nothing can be traced. */
    static int[] of(ThreadRecord thread, HeapGraph.ThreadObject inHeap, HeapGraph graph) {
        if (inHeap.parkBlocker() >= 0) {
            return new int[] {inHeap.parkBlocker()};
        }
        String blockerClass = thread.blocker();
        if (blockerClass == null && !waitsInObjectWait(thread)) {
            return NONE;  // parked without a blocker object: nothing to trace
        }
        List<HeapGraph.Root> roots = graph.rootsOf(inHeap.serial());
        Predicate<HeapGraph.Root> candidate = root -> root.frame() >= 0 && root.node() != inHeap.node()
                && (blockerClass == null || graph.className(root.node()).equals(blockerClass));
        int frame = roots.stream().filter(candidate).mapToInt(HeapGraph.Root::frame).min().orElse(-1);
        return roots.stream().filter(candidate.and(root -> root.frame() == frame))
                .mapToInt(HeapGraph.Root::node).distinct().toArray();
    }

    private static boolean waitsInObjectWait(ThreadRecord thread) {
        return !thread.stack().isEmpty() && thread.stack().getFirst().startsWith("java.lang.Object.wait");
    }
}
