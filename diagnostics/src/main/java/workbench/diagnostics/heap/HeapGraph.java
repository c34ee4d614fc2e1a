package workbench.diagnostics.heap;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The object graph of a heap dump, reduced to what reachability needs: nodes (classes, instances, object
 * arrays), their outgoing references, the GC roots and the thread objects.
 *
 * <p>Edges that do not keep an object alive for a leak analysis are left out: the referent of a
 * {@link java.lang.ref.Reference}, a thread's {@code parkBlocker} (a thread does not keep what it waits on
 * alive for others), and the JDK's bookkeeping set of all virtual threads.
 */
public final class HeapGraph {

    /**
     * A GC root: the node it holds, the thread it belongs to (0 for roots of no thread), and for a local or operand
     * of a Java frame that frame's depth in the thread's stack (0: the innermost frame; -1 for any other root).
     */
    public record Root(int node, int threadSerial, int frame) {
    }

    /** A thread object found in the dump: its node, serial number in the dump, and park blocker node (-1). */
    public record ThreadObject(long tid, int node, int serial, int parkBlocker) {
    }

    private final int[] edgeStart;
    private final int[] targets;
    private final int[] classOf;
    private final Map<Integer, String> classNames;
    private final List<Root> roots;
    private final Map<Integer, List<Root>> rootsByThread;
    private final Map<Long, ThreadObject> threadsByTid;

    HeapGraph(int[] edgeStart, int[] targets, int[] classOf, Map<Integer, String> classNames, List<Root> roots,
              Map<Long, ThreadObject> threadsByTid) {
        this.edgeStart = edgeStart;
        this.targets = targets;
        this.classOf = classOf;
        this.classNames = classNames;
        this.roots = roots;
        this.rootsByThread = roots.stream().collect(Collectors.groupingBy(Root::threadSerial));
        this.threadsByTid = threadsByTid;
    }

    public int nodeCount() {
        return classOf.length;
    }

    public int edgesFrom(int node) {
        return edgeStart[node];
    }

    public int edgesTo(int node) {
        return edgeStart[node + 1];
    }

    public int target(int edge) {
        return targets[edge];
    }

    /**
     * The class of the object at the node, as a thread dump names it: {@code java.lang.Class} for a class node
     * (a class is an object too, and can be a monitor), never the name of the class it stands for.
     */
    public String className(int node) {
        return classOf[node] == node ? "java.lang.Class" : classNames.getOrDefault(classOf[node], "?");
    }

    public List<Root> roots() {
        return roots;
    }

    /** The roots of one thread (its thread object, its frames' locals and operands, its JNI locals), in dump order. */
    public List<Root> rootsOf(int threadSerial) {
        return rootsByThread.getOrDefault(threadSerial, List.of());
    }

    public Map<Long, ThreadObject> threadsByTid() {
        return threadsByTid;
    }
}
