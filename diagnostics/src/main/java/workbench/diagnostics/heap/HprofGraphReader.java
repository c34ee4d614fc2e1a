package workbench.diagnostics.heap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HPROF heap dump into a {@link HeapGraph}, in two passes: names, classes and roots first (instance
 * fields can only be decoded once every class layout is known), then instances and object arrays.
 */
public final class HprofGraphReader {

    private static final String THREAD = "java.lang.Thread";
    private static final String REFERENCE = "java.lang.ref.Reference";
    /** Holds every started virtual thread: JDK bookkeeping, not a path live code can wake a thread through. */
    private static final String ALL_VIRTUAL_THREADS =
            "jdk.internal.vm.ThreadContainers$RootContainer$TrackingRootContainer";
    /**
     * The fields in which thread containers (executors, task scopes) keep the threads they started, by class: a
     * set kept for thread dumps and shutdown, not a path a thread can be woken through. A virtual thread's object
     * reaches its task and everything the task captured, so through these sets a live executor would make every
     * queue its threads wait on look reachable.
     */
    private static final Map<String, String> CONTAINER_THREADS = Map.of(
            "java.util.concurrent.ThreadPerTaskExecutor", "threads",
            "jdk.internal.vm.SharedThreadContainer", "virtualThreads",
            "jdk.internal.misc.ThreadFlock", "threads");

    /** A class as dumped. */
    private record ClassDump(long id, long superId, long[] otherRefs, long[] staticRefs, long[] fieldNameIds,
                             byte[] fieldTypes) {
    }

    /** Field layout of a class with its superclasses: where references, the tid and the park blocker sit. */
    private record Layout(int[] referenceOffsets, int tidOffset, int parkBlockerOffset) {
    }

    /** A root as read: object id, owning thread serial (0: none) and Java frame depth (-1: none). */
    private record RawRoot(long id, int threadSerial, int frame) {
    }

    /** A thread object as read: ids still unresolved. */
    private record RawThread(long id, long tid, long parkBlocker) {
    }

    private final int idSize;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, Long> classNameIds = new HashMap<>();
    private final Map<Long, ClassDump> classDumps = new HashMap<>();
    private final Map<Long, Layout> layouts = new HashMap<>();
    private final List<RawRoot> rawRoots = new ArrayList<>();
    private final Map<Long, Integer> threadSerials = new HashMap<>();
    private final List<RawThread> rawThreads = new ArrayList<>();
    private final LongIndex index = new LongIndex();
    private final Map<Integer, String> classNames = new HashMap<>();
    private int[] edgeStart = new int[1 << 16];
    private long[] edgeIds = new long[1 << 18];
    private int[] classOf = new int[1 << 16];
    private int edgeCount;

    private HprofGraphReader(int idSize) {
        this.idSize = idSize;
    }

    /** Reads the dump; an {@link IOException} when it cannot be read or is not an HPROF heap dump. */
    public static HeapGraph read(Path file) throws IOException {
        HprofGraphReader reader = new HprofGraphReader(HprofStream.idSizeOf(file));
        HprofStream.read(file, reader.new NamesClassesAndRoots());
        reader.classDumps.values().forEach(reader::addClass);
        HprofStream.read(file, reader.new ObjectsPass());
        return reader.build();
    }

    private final class NamesClassesAndRoots implements HprofStream.Visitor {
        @Override
        public void string(long id, String value) {
            strings.put(id, value);
        }

        @Override
        public void loadClass(long classId, long nameId) {
            classNameIds.put(classId, nameId);
        }

        @Override
        public void root(int subTag, long objectId, int threadSerial, int frame) {
            // JNI locals are left without a frame: a native frame at the top reports every JNI local the thread
            // holds, not only its own.
            rawRoots.add(new RawRoot(objectId, threadSerial, subTag == HprofStream.ROOT_JAVA_FRAME ? frame : -1));
            if (subTag == HprofStream.ROOT_THREAD_OBJECT) {
                threadSerials.put(objectId, threadSerial);
            }
        }

        @Override
        public void classDump(long id, long superId, long[] otherRefs, long[] staticRefs, long[] fieldNameIds,
                              byte[] fieldTypes) {
            classDumps.put(id, new ClassDump(id, superId, otherRefs, staticRefs, fieldNameIds, fieldTypes));
        }
    }

    private final class ObjectsPass implements HprofStream.Visitor {
        @Override
        public boolean wantsObjects() {
            return true;
        }

        @Override
        public void instance(long id, long classId, ByteBuffer fields) {
            addInstance(id, classId, fields);
        }

        @Override
        public void objectArray(long id, long arrayClassId, long[] elements) {
            int node = startNode(id, arrayClassId);
            addEdge(arrayClassId);
            for (long element : elements) {
                addEdge(element);
            }
            endNode(node);
        }
    }

    private void addClass(ClassDump dump) {
        int node = startNode(dump.id(), dump.id());
        classNames.put(node, className(dump.id()));
        addEdge(dump.superId());
        for (long ref : dump.otherRefs()) {
            addEdge(ref);
        }
        if (!ALL_VIRTUAL_THREADS.equals(className(dump.id()))) {
            for (long ref : dump.staticRefs()) {
                addEdge(ref);
            }
        }
        endNode(node);
    }

    private void addInstance(long id, long classId, ByteBuffer values) {
        int node = startNode(id, classId);
        addEdge(classId);
        Layout layout = layout(classId);
        for (int offset : layout.referenceOffsets()) {
            addEdge(readId(values, offset));
        }
        endNode(node);
        if (layout.tidOffset() >= 0) {
            rawThreads.add(new RawThread(id, values.getLong(layout.tidOffset()),
                    readId(values, layout.parkBlockerOffset())));
        }
    }

    /** Reference fields of the class and its superclasses, in dump order (the class's own fields first). */
    private Layout layout(long classId) {
        Layout known = layouts.get(classId);
        if (known != null) {
            return known;
        }
        List<Integer> references = new ArrayList<>();
        int tidOffset = -1;
        int parkBlockerOffset = -1;
        int offset = 0;
        for (ClassDump dump = classDumps.get(classId); dump != null; dump = classDumps.get(dump.superId())) {
            String owner = className(dump.id());
            for (int i = 0; i < dump.fieldTypes().length; i++) {
                String name = strings.getOrDefault(dump.fieldNameIds()[i], "");
                int type = dump.fieldTypes()[i];
                if (type == HprofStream.OBJECT_TYPE) {
                    if (owner.equals(THREAD) && name.equals("parkBlocker")) {
                        parkBlockerOffset = offset;  // kept apart: a waiter does not keep its blocker alive
                    } else if (!(owner.equals(REFERENCE) && name.equals("referent"))
                            && !name.equals(CONTAINER_THREADS.get(owner))) {
                        references.add(offset);
                    }
                } else if (owner.equals(THREAD) && name.equals("tid")) {
                    tidOffset = offset;
                }
                offset += HprofStream.sizeOf(type, idSize);
            }
        }
        Layout layout = new Layout(references.stream().mapToInt(Integer::intValue).toArray(),
                parkBlockerOffset < 0 ? -1 : tidOffset, parkBlockerOffset);
        layouts.put(classId, layout);
        return layout;
    }

    private long readId(ByteBuffer values, int offset) {
        return idSize == 4 ? values.getInt(offset) & 0xFFFF_FFFFL : values.getLong(offset);
    }

    private String className(long classId) {
        return strings.getOrDefault(classNameIds.getOrDefault(classId, 0L), "?").replace('/', '.');
    }

    private int startNode(long id, long classId) {
        int node = index.add(id);
        if (node + 2 > edgeStart.length) {
            edgeStart = Arrays.copyOf(edgeStart, edgeStart.length * 2);
            classOf = Arrays.copyOf(classOf, classOf.length * 2);
        }
        edgeStart[node] = edgeCount;
        classOf[node] = index.get(classId);  // classes are added first, so the class already has its node
        return node;
    }

    private void endNode(int node) {
        edgeStart[node + 1] = edgeCount;
    }

    private void addEdge(long targetId) {
        if (targetId == 0) {
            return;
        }
        if (edgeCount == edgeIds.length) {
            edgeIds = Arrays.copyOf(edgeIds, edgeIds.length * 2);
        }
        edgeIds[edgeCount++] = targetId;
    }

    private HeapGraph build() {
        int nodes = index.size();
        // Primitive arrays are no nodes: references to them are dropped, they cannot reach anything.
        int[] targets = new int[edgeCount];
        int[] starts = new int[nodes + 1];
        int kept = 0;
        for (int node = 0; node < nodes; node++) {
            starts[node] = kept;
            for (int edge = edgeStart[node]; edge < edgeStart[node + 1]; edge++) {
                int target = index.get(edgeIds[edge]);
                if (target >= 0) {
                    targets[kept++] = target;
                }
            }
        }
        starts[nodes] = kept;
        List<HeapGraph.Root> roots = new ArrayList<>();
        for (RawRoot root : rawRoots) {
            int node = index.get(root.id());
            if (node >= 0) {
                roots.add(new HeapGraph.Root(node, root.threadSerial(), root.frame()));
            }
        }
        Map<Long, HeapGraph.ThreadObject> threads = new HashMap<>();
        for (RawThread thread : rawThreads) {
            Integer serial = threadSerials.get(thread.id());
            if (serial != null) {  // only threads that run: started and not yet ended
                threads.put(thread.tid(), new HeapGraph.ThreadObject(thread.tid(), index.get(thread.id()), serial,
                        index.get(thread.parkBlocker())));
            }
        }
        return new HeapGraph(starts, Arrays.copyOf(targets, kept), Arrays.copyOf(classOf, nodes), classNames,
                roots, threads);
    }
}
