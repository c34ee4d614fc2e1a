package lesson6.demo;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The C library's {@code qsort}, called through the foreign function API with a comparator written in Java: the
 * way a native library calls back into application code. Whatever the comparator does runs under a native frame,
 * so a virtual thread that blocks in it is pinned to its carrier.
 *
 * <pre>{@code
 * NativeSort.sortWith(() -> Thread.sleep(30));   // on a virtual thread: pinned to its carrier for 30 ms
 * }</pre>
 */
public final class NativeSort {

    /** Work to run inside the comparator. */
    @FunctionalInterface
    public interface Callback {
        void run() throws InterruptedException;
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle QSORT = LINKER.downcallHandle(
            LINKER.defaultLookup().find("qsort").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS));
    /** Runs the callback through {@link Handoff}: an exception must not cross a native frame, which ends the JVM. */
    private static final MemorySegment COMPARATOR = comparator();

    private NativeSort() {
    }

    /** Sorts two numbers natively; the comparator runs {@code callback} when C calls it. */
    public static void sortWith(Callback callback) throws InterruptedException {
        Handoff.runThrough(callback, () -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment numbers = arena.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
                QSORT.invokeExact(numbers, 2L, ValueLayout.JAVA_INT.byteSize(), COMPARATOR);
            }
        });
    }

    private static int compare(MemorySegment left, MemorySegment right) {
        Handoff.runPending();
        return Integer.compare(left.get(ValueLayout.JAVA_INT, 0), right.get(ValueLayout.JAVA_INT, 0));
    }

    private static MemorySegment comparator() {
        try {
            MethodHandle compare = MethodHandles.lookup().findStatic(NativeSort.class, "compare",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            return LINKER.upcallStub(compare, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT),
                    ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT)), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
