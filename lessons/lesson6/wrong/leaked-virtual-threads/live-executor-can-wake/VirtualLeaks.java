/*
 * Misconception: reachability is the right question, but of the thread's OWNER rather than of what it waits on.
 * A blocked virtual thread can still be woken while something alive holds its Thread (interrupt) or the executor
 * that started it (shutdownNow() and close() interrupt every thread it started). So it is leaked only when both
 * its Thread object and its executor are unreachable from live code: a virtual thread of an executor the service
 * still holds is never leaked.
 * Why a learner would believe it: lessons 3 and 6 both say that a thread whose Thread object something live holds
 * is not reported, "that holder could interrupt it", nor a thread whose Future you keep, since cancel(true)
 * interrupts it. An executor holds every thread it started and can interrupt them all, so by the same reasoning
 * its threads look wakeable; lesson 3's "executors dropped without shutdown" leak fits the rule too. And it uses
 * the heap dump and a GC-style marking, just as LeakProfile does.
 * What is actually right: the executor's set of its threads is bookkeeping for thread dumps and shutdown, not a
 * path through which anything will ever hand the thread what it waits for; LeakProfile deliberately does not
 * count it. A virtual thread of a live executor blocked on a queue or latch that no live thread can reach is
 * leaked (the lesson's handToNobody example), while a thread whose executor was dropped but whose queue a live
 * producer still holds will finish. Judge the blocker: LeakProfile.take(target).leaked(), virtual() ones, by id().
 */
package lesson6;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.heap.HeapGraph;
import workbench.diagnostics.heap.HprofGraphReader;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 *
 * <p>Try it in the console on the lab JVM ({@code Target.current()}) after starting a few virtual threads of your
 * own. Check it with {@code /check} or {@code ./workbench check leaked-virtual-threads}.
 */
public final class VirtualLeaks {

    private static final String DIAGNOSTIC_BEAN = "com.sun.management:type=HotSpotDiagnostic";

    /**
     * Classes of the thread containers that own the threads they start and can interrupt them all: the executor of
     * newVirtualThreadPerTaskExecutor() itself, the container of a ThreadPoolExecutor, a structured task scope.
     */
    private static final Set<String> OWNING_CONTAINERS = Set.of(
            "java.util.concurrent.ThreadPerTaskExecutor",
            "jdk.internal.vm.SharedThreadContainer",
            "jdk.internal.misc.ThreadFlock");

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        // Threads first (the JSON dump sees virtual threads, ThreadMXBean does not), then the heap of live objects.
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Path dir = Files.createTempDirectory("virtual-leaks");
        Path heap = dir.resolve("heap.hprof");
        try {
            diagnostics(target).dumpHeap(heap.toString(), true);
            return judge(snapshot, HprofGraphReader.read(heap));
        } finally {
            Files.deleteIfExists(heap);
            Files.deleteIfExists(dir);
        }
    }

    private static Set<Long> judge(ThreadSnapshot snapshot, HeapGraph graph) {
        Map<Long, HeapGraph.ThreadObject> inHeap = graph.threadsByTid();

        // The blocked threads are judged, so their own frames and Thread objects are no roots (as in Go's profile).
        Set<Integer> blockedSerials = new HashSet<>();
        List<ThreadRecord> candidates = new ArrayList<>();
        for (ThreadRecord thread : snapshot.threads()) {
            HeapGraph.ThreadObject object = inHeap.get(thread.id());
            if (object == null || !thread.waitsIndefinitely()) {
                continue;  // gone by the heap dump, running, or waiting with a timeout
            }
            blockedSerials.add(object.serial());
            if (thread.virtual() && (thread.blocker() != null || object.parkBlocker() >= 0)) {
                candidates.add(thread);  // a bare LockSupport.park() has nothing to judge
            }
        }

        // Everything live code can reach: every GC root but the blocked threads' own.
        BitSet live = new BitSet(graph.nodeCount());
        int[] stack = new int[graph.nodeCount()];
        for (HeapGraph.Root root : graph.roots()) {
            if (!blockedSerials.contains(root.threadSerial())) {
                mark(graph, root.node(), live, stack);
            }
        }

        // Leaked: nobody alive holds the thread to interrupt it, nor the executor to shut it down.
        Set<Long> leaked = new TreeSet<>();
        for (ThreadRecord thread : candidates) {
            int node = inHeap.get(thread.id()).node();
            if (!live.get(node) && !ownerAlive(graph, node, live)) {
                leaked.add(thread.id());
            }
        }
        return leaked;
    }

    /**
     * Whether the container that started the thread (its {@code Thread.container} field points at it) is reachable
     * from live code. The root container, which every thread started without an executor belongs to, owns nothing
     * and can shut nothing down.
     */
    private static boolean ownerAlive(HeapGraph graph, int threadNode, BitSet live) {
        for (int edge = graph.edgesFrom(threadNode); edge < graph.edgesTo(threadNode); edge++) {
            int target = graph.target(edge);
            String type = graph.className(target);
            if (OWNING_CONTAINERS.contains(type) && !type.contains("RootContainer") && live.get(target)) {
                return true;
            }
        }
        return false;
    }

    /** Marks everything reachable from {@code start}, depth first; each node is pushed at most once. */
    private static void mark(HeapGraph graph, int start, BitSet live, int[] stack) {
        if (start < 0 || live.get(start)) {
            return;
        }
        int top = 0;
        live.set(start);
        stack[top++] = start;
        while (top > 0) {
            int node = stack[--top];
            for (int edge = graph.edgesFrom(node); edge < graph.edgesTo(node); edge++) {
                int next = graph.target(edge);
                if (!live.get(next)) {
                    live.set(next);
                    stack[top++] = next;
                }
            }
        }
    }

    private static HotSpotDiagnosticMXBean diagnostics(Target target) throws IOException {
        return target.isCurrent()
                ? ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                : ManagementFactory.newPlatformMXBeanProxy(target.connection(), DIAGNOSTIC_BEAN,
                        HotSpotDiagnosticMXBean.class);
    }
}
