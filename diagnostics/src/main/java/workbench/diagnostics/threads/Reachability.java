package workbench.diagnostics.threads;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The marking behind {@link LeakProfile}, after Go's goroutine leak profile: which blocked threads wait on an
 * object that no live thread can reach.
 *
 * <p>Marking starts from every GC root except the roots of the blocked threads themselves (their frames and
 * their thread objects). Whenever a blocked thread's blocker is marked, someone alive can still wake it: its
 * roots join the marking. This repeats until nothing changes; the blocked threads whose blocker stays unmarked
 * are leaked. Two threads blocked on each other, and reachable only from each other, are both leaked.
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
     * The thread serials, out of {@code blockerBySerial}'s keys, whose blocker node no live thread reaches.
     *
     * @param blockerBySerial for each blocked thread (by its serial number in the dump), the node it waits on
     */
    static Set<Integer> unreachable(HeapGraph graph, Map<Integer, Integer> blockerBySerial) {
        return new Reachability(graph).run(blockerBySerial);
    }

    private Set<Integer> run(Map<Integer, Integer> blockerBySerial) {
        Map<Integer, List<Integer>> rootsBySerial = new HashMap<>();
        for (HeapGraph.Root root : graph.roots()) {
            if (blockerBySerial.containsKey(root.threadSerial())) {
                rootsBySerial.computeIfAbsent(root.threadSerial(), serial -> new ArrayList<>())
                        .add(root.node());
            } else {
                mark(root.node());
            }
        }
        Set<Integer> waiting = new HashSet<>(blockerBySerial.keySet());
        boolean woke = true;
        while (woke) {
            woke = false;
            for (var serials = waiting.iterator(); serials.hasNext(); ) {
                int serial = serials.next();
                if (marked.get(blockerBySerial.get(serial))) {
                    serials.remove();
                    rootsBySerial.getOrDefault(serial, List.of()).forEach(this::mark);
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
