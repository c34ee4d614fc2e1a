package workbench.diagnostics.threads;

import java.util.List;
import java.util.Map;

/**
 * The object graph of a heap dump, reduced to what reachability needs: nodes (classes, instances, object
 * arrays), their outgoing references, the GC roots and the thread objects.
 *
 * <p>Edges that do not keep an object alive for a leak analysis are left out: the referent of a
 * {@link java.lang.ref.Reference}, a thread's {@code parkBlocker} (a thread does not keep what it waits on
 * alive for others), and the JDK's bookkeeping set of all virtual threads.
 */
final class HeapGraph {

    /** A GC root: the node it holds, and the thread it belongs to (0 for roots of no thread). */
    record Root(int node, int threadSerial) {
    }

    /** A thread object found in the dump: its node, serial number in the dump, and park blocker node (-1). */
    record ThreadObject(long tid, int node, int serial, int parkBlocker) {
    }

    private final int[] edgeStart;
    private final int[] targets;
    private final int[] classOf;
    private final Map<Integer, String> classNames;
    private final List<Root> roots;
    private final Map<Long, ThreadObject> threadsByTid;

    HeapGraph(int[] edgeStart, int[] targets, int[] classOf, Map<Integer, String> classNames, List<Root> roots,
              Map<Long, ThreadObject> threadsByTid) {
        this.edgeStart = edgeStart;
        this.targets = targets;
        this.classOf = classOf;
        this.classNames = classNames;
        this.roots = roots;
        this.threadsByTid = threadsByTid;
    }

    int nodeCount() {
        return classOf.length;
    }

    int edgeCount() {
        return targets.length;
    }

    int edgesFrom(int node) {
        return edgeStart[node];
    }

    int edgesTo(int node) {
        return edgeStart[node + 1];
    }

    int target(int edge) {
        return targets[edge];
    }

    /** The class name of an instance or array node, or of the class itself for a class node. */
    String className(int node) {
        return classNames.getOrDefault(classOf[node], "?");
    }

    List<Root> roots() {
        return roots;
    }

    Map<Long, ThreadObject> threadsByTid() {
        return threadsByTid;
    }
}
