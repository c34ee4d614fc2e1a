package workbench.diagnostics.sched;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * A JVM for the scheduler tests, in a known state. Arguments {@code name=value}: {@code waiting} virtual threads
 * parked on a latch, {@code pinned} virtual threads holding their carriers for good (blocked inside a native
 * call's callback), then {@code queued} more that wait for a carrier when the pinned ones hold them all,
 * {@code blocked} platform threads waiting to enter a monitor, and with {@code pinEveryMillis} one virtual thread
 * that pins its carrier for that long, again and again. Prints {@code ready} once everything is in place.
 * Run it with {@code --enable-native-access=ALL-UNNAMED}.
 */
public final class VirtualThreadsChild {

    static final String READY = "ready";
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final Object MONITOR = new Object();
    private static final ThreadLocal<Runnable> INSIDE = new ThreadLocal<>();

    private VirtualThreadsChild() {}

    public static void main(String[] args) throws Throwable {
        Map<String, Integer> counts = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=");
            counts.put(pair[0], Integer.parseInt(pair[1]));
        }
        var scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < counts.getOrDefault("waiting", 0); i++) {
            waiting.add(Thread.ofVirtual().name("waiting-" + i).start(VirtualThreadsChild::awaitForever));
        }
        for (Thread thread : waiting) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(5);
            }
        }
        startBlockedPlatformThreads(counts.getOrDefault("blocked", 0));
        int pinned = counts.getOrDefault("pinned", 0);
        CountDownLatch inCallback = new CountDownLatch(pinned);
        for (int i = 0; i < pinned; i++) {
            Thread.ofVirtual().name("pinned-" + i).start(() -> inNativeCallback(() -> {
                inCallback.countDown();
                awaitForever();
            }));
        }
        inCallback.await();
        while (scheduler.getMountedVirtualThreadCount() != pinned) {
            Thread.sleep(10);
        }
        for (int i = 0; i < counts.getOrDefault("queued", 0); i++) {
            Thread.ofVirtual().name("queued-" + i).start(VirtualThreadsChild::awaitForever);
        }
        int pinMillis = counts.getOrDefault("pinEveryMillis", 0);
        if (pinMillis > 0) {
            Thread.ofVirtual().name("pinning-again").start(() -> {
                while (true) {
                    inNativeCallback(() -> sleep(pinMillis));
                    sleep(pinMillis);
                }
            });
        }
        Thread.sleep(200);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(120_000);
        System.exit(0);
    }

    private static void startBlockedPlatformThreads(int count) throws InterruptedException {
        if (count == 0) {
            return;
        }
        CountDownLatch holding = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("monitor-owner").start(() -> {
            synchronized (MONITOR) {
                holding.countDown();
                awaitForever();
            }
        });
        holding.await();
        for (int i = 0; i < count; i++) {
            Thread thread = Thread.ofPlatform().daemon().name("blocked-" + i).start(() -> {
                synchronized (MONITOR) {
                    MONITOR.notifyAll();
                }
            });
            while (thread.getState() != Thread.State.BLOCKED) {
                Thread.sleep(1);
            }
        }
    }

    /** Runs {@code work} inside the comparator that the C library's {@code qsort} calls back. */
    private static void inNativeCallback(Runnable work) {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle qsort = linker.downcallHandle(linker.defaultLookup().find("qsort").orElseThrow(),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.ADDRESS));
            MethodHandle compare = MethodHandles.lookup().findStatic(VirtualThreadsChild.class, "compare",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment comparator = linker.upcallStub(compare,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS), arena);
            INSIDE.set(work);
            qsort.invokeExact(arena.allocate(ValueLayout.JAVA_INT, 2), 2L, 4L, comparator);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static int compare(MemorySegment left, MemorySegment right) {
        INSIDE.get().run();
        return 0;
    }

    private static void awaitForever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
