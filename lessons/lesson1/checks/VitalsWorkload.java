package lesson1.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The JVM exercise {@code vital-signs} is checked against. It starts the threads and fills the heap it is told to,
 * then reports its own readings ten times a second (one {@code vitals name=value ...} line each), so that the check
 * has an independent reading close to the learner's: the true vital signs and the figures a wrong answer would
 * report instead.
 *
 * <p>Arguments, in {@link Argument} order. The heap is filled in two steps around one full collection: megabytes
 * retained before it (the live set that collection measures), then megabytes retained and megabytes thrown away
 * after it, all still in the young generation when the learner reads.
 *
 * <p>Told {@value #MORE_SLEEPERS} and a number on its standard input, it starts that many more daemon sleepers, then
 * reports a reading of its own and {@value #MORE_STARTED}.
 */
public final class VitalsWorkload {

    static final String READY = "workload ready";
    static final String VITALS = "vitals ";
    static final String MORE_SLEEPERS = "more";
    static final String MORE_STARTED = "more started";

    /** The workload's arguments, in order. */
    enum Argument {
        DAEMON_SLEEPERS, OTHER_SLEEPERS, BLOCKED_DAEMONS, BLOCKED_OTHERS, WAITING, SHORT_LIVED,
        RETAINED_BEFORE_GC_MB, RETAINED_AFTER_GC_MB, GARBAGE_AFTER_GC_MB
    }

    private static final int CHUNK = 64 * 1024;
    private static final Object MONITOR = new Object();
    private static final Object SIGNAL = new Object();
    private static final List<byte[]> RETAINED = new ArrayList<>();
    private static volatile byte[] sink;

    private VitalsWorkload() {}

    public static void main(String[] args) throws InterruptedException {
        int[] n = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            n[i] = Integer.parseInt(args[i]);
        }
        retain(n[Argument.RETAINED_BEFORE_GC_MB.ordinal()]);
        for (int i = 0; i < n[Argument.DAEMON_SLEEPERS.ordinal()]; i++) {
            start("daemon-sleeper-" + i, true, VitalsWorkload::sleep);
        }
        for (int i = 0; i < n[Argument.OTHER_SLEEPERS.ordinal()]; i++) {
            start("sleeper-" + i, false, VitalsWorkload::sleep);
        }
        for (int i = 0; i < n[Argument.WAITING.ordinal()]; i++) {
            awaitState(start("waiting-" + i, i % 2 == 0, VitalsWorkload::waitForever), Thread.State.WAITING);
        }
        awaitState(start("monitor-holder", true, () -> {
            synchronized (MONITOR) {
                sleep();
            }
        }), Thread.State.TIMED_WAITING);
        for (int i = 0; i < n[Argument.BLOCKED_DAEMONS.ordinal()]; i++) {
            awaitState(start("blocked-daemon-" + i, true, VitalsWorkload::enterMonitor), Thread.State.BLOCKED);
        }
        for (int i = 0; i < n[Argument.BLOCKED_OTHERS.ordinal()]; i++) {
            awaitState(start("blocked-" + i, false, VitalsWorkload::enterMonitor), Thread.State.BLOCKED);
        }
        runShortLived(n[Argument.SHORT_LIVED.ordinal()]);
        System.gc();
        retain(n[Argument.RETAINED_AFTER_GC_MB.ordinal()]);
        for (long i = 0; i < n[Argument.GARBAGE_AFTER_GC_MB.ordinal()] * (1024L * 1024 / CHUNK); i++) {
            sink = new byte[CHUNK];
        }
        startMoreWhenTold();
        System.out.println(READY);
        while (true) {
            printOwnReading();
            Thread.sleep(100);
        }
    }

    /** One reading at a time, so that the last one printed is never of a moment before more sleepers started. */
    private static synchronized void printOwnReading() {
        System.out.println(VITALS + format(ownReading()));
    }

    private static void startMoreWhenTold() {
        start("commands", true, () -> {
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                int started = 0;
                for (String line = input.readLine(); line != null; line = input.readLine()) {
                    int more = Integer.parseInt(line.substring(MORE_SLEEPERS.length()).trim());
                    for (int i = 0; i < more; i++, started++) {
                        awaitState(start("late-sleeper-" + started, true, VitalsWorkload::sleep),
                                Thread.State.TIMED_WAITING);
                    }
                    printOwnReading();
                    System.out.println(MORE_STARTED);
                }
            } catch (IOException | InterruptedException e) {
                // the check is done with this JVM
            }
        });
    }

    /** Threads that all live at once and then end: the peak and the started count stay above the live count. */
    private static void runShortLived(int count) throws InterruptedException {
        CountDownLatch allStarted = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(start("short-lived-" + i, false, () -> {
                allStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        allStarted.await();
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The true vital signs and the figures wrong answers report, read with calls that stop no thread. */
    private static Map<String, Long> ownReading() {
        Map<String, Long> reading = new LinkedHashMap<>();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        reading.put(OwnReading.HEAP_USED, heap.getUsed());
        reading.put(OwnReading.HEAP_COMMITTED, heap.getCommitted());
        reading.put(OwnReading.HEAP_LIMIT, heap.getMax());
        reading.put(OwnReading.HEAP_AFTER_GC, heapAfterLastCollection());
        reading.put(OwnReading.LARGEST_POOL_LIMIT, largestHeapPoolLimit());
        reading.put(OwnReading.NON_HEAP_USED, nonHeap.getUsed());
        reading.put(OwnReading.NON_HEAP_COMMITTED, nonHeap.getCommitted());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        reading.put(OwnReading.LIVE, (long) threads.getThreadCount());
        reading.put(OwnReading.DAEMON, (long) threads.getDaemonThreadCount());
        reading.put(OwnReading.PEAK, (long) threads.getPeakThreadCount());
        reading.put(OwnReading.STARTED, threads.getTotalStartedThreadCount());
        long blockedDaemons = 0;
        long blockedOthers = 0;
        long waiting = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            if (info.getThreadState() == Thread.State.BLOCKED) {
                if (info.isDaemon()) {
                    blockedDaemons++;
                } else {
                    blockedOthers++;
                }
            } else if (info.getThreadState() == Thread.State.WAITING) {
                waiting++;
            }
        }
        reading.put(OwnReading.BLOCKED, blockedDaemons + blockedOthers);
        reading.put(OwnReading.BLOCKED_DAEMONS, blockedDaemons);
        reading.put(OwnReading.BLOCKED_OTHERS, blockedOthers);
        reading.put(OwnReading.WAITING, waiting);
        return reading;
    }

    private static long heapAfterLastCollection() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                total += afterGc.getUsed();
            }
        }
        return total;
    }

    /** The limit of the heap pool with the largest one (the old generation): one pool's share of the heap's limit. */
    private static long largestHeapPoolLimit() {
        long largest = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                largest = Math.max(largest, pool.getUsage().getMax());
            }
        }
        return largest;
    }

    private static String format(Map<String, Long> reading) {
        StringBuilder line = new StringBuilder();
        reading.forEach((name, value) -> line.append(line.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return line.toString();
    }

    private static void retain(int megabytes) {
        for (long i = 0; i < megabytes * (1024L * 1024 / CHUNK); i++) {
            RETAINED.add(new byte[CHUNK]);
        }
    }

    private static Thread start(String name, boolean daemon, Runnable body) {
        return Thread.ofPlatform().name(name).daemon(daemon).start(body);
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        while (thread.getState() != state) {
            Thread.sleep(2);
        }
    }

    private static void enterMonitor() {
        synchronized (MONITOR) {
            sleep();
        }
    }

    private static void waitForever() {
        synchronized (SIGNAL) {
            while (true) {
                try {
                    SIGNAL.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
