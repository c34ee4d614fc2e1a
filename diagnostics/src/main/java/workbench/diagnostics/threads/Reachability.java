package workbench.diagnostics.threads;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import workbench.diagnostics.heap.HeapGraph;

/**
 * The marking behind {@link LeakProfile}, after Go's goroutine leak profile: which blocked threads wait on an
 * object that no live thread can reach.
 *
 * <p>Marking starts from every GC root except the roots of the blocked threads themselves (their frames and
 * their thread objects). Whenever a blocked thread's blocker is marked (any of them, when {@link Blockers} found
 * several candidates), someone alive can still wake it: its roots join the marking. This repeats until nothing
 * changes; the blocked threads whose blockers stay unmarked are leaked. Two threads blocked on each other, and
 * reachable only from each other, are both leaked.
 */
final class Reachability {

    private final HeapGraph graph;
    private final BitSet marked;
    private final int[] stack;
    private int top;

    private Reachability(HeapGraph graph) {
        this.graph = graph;
        this.marked = new BitSet(graph.nodeCount());
        this.stack = new int[graph.nodeCount()];
    }

    /**
     * The thread serials, out of {@code blockersBySerial}'s keys, whose blocker no live thread reaches.
     *
     * @param blockersBySerial for each blocked thread (by its serial number in the dump), the nodes it may wait
     *                         on (see {@link Blockers}); it can be woken as soon as any of them is reached
     */
    static Set<Integer> unreachable(HeapGraph graph, Map<Integer, int[]> blockersBySerial) {
        return new Reachability(graph).run(blockersBySerial);
    }

    private Set<Integer> run(Map<Integer, int[]> blockersBySerial) {
        for (HeapGraph.Root root : graph.roots()) {
            if (!blockersBySerial.containsKey(root.threadSerial())) {
                mark(root.node());
            }
        }
        Set<Integer> waiting = new HashSet<>(blockersBySerial.keySet());
        boolean woke = true;
        while (woke) {
            woke = false;
            for (var serials = waiting.iterator(); serials.hasNext(); ) {
                int serial = serials.next();
                if (IntStream.of(blockersBySerial.get(serial)).anyMatch(marked::get)) {
                    serials.remove();
                    graph.rootsOf(serial).forEach(root -> mark(root.node()));
                    woke = true;
                }
            }
        }
        return waiting;
    }

    /** Marks everything reachable from the node (depth first, with an explicit stack). */
    private void mark(int start) {
        if (marked.get(start)) {
            return;
        }
        marked.set(start);
        stack[top++] = start;
        while (top > 0) {
            int node = stack[--top];
            for (int edge = graph.edgesFrom(node); edge < graph.edgesTo(node); edge++) {
                int target = graph.target(edge);
                if (!marked.get(target)) {
                    marked.set(target);
                    stack[top++] = target;
                }
            }
        }
    }
}
