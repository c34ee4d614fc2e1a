package lesson1.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM exercise {@code vital-signs} is checked against: it starts the threads and retains the heap
 * it is told to, then reports its own MXBean readings ten times a second, so that the check has an
 * independent reading close to the learner's.
 *
 * <p>Arguments: daemon sleepers, non-daemon sleepers, blocked threads, megabytes to retain.
 */
public final class VitalsWorkload {

    static final String READY = "workload ready";
    static final String VITALS = "vitals ";

    private static final Object MONITOR = new Object();
    private static final List<byte[]> RETAINED = new ArrayList<>();

    private VitalsWorkload() {}

    public static void main(String[] args) throws InterruptedException {
        int daemons = Integer.parseInt(args[0]);
        int others = Integer.parseInt(args[1]);
        int blocked = Integer.parseInt(args[2]);
        int megabytes = Integer.parseInt(args[3]);
        for (int i = 0; i < megabytes * 16; i++) {
            RETAINED.add(new byte[64 * 1024]);
        }
        for (int i = 0; i < daemons; i++) {
            start("daemon-sleeper-" + i, true, VitalsWorkload::sleep);
        }
        for (int i = 0; i < others; i++) {
            start("sleeper-" + i, false, VitalsWorkload::sleep);
        }
        Thread holder = start("monitor-holder", true, () -> {
            synchronized (MONITOR) {
                sleep();
            }
        });
        while (holder.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < blocked; i++) {
            waiting.add(start("blocked-" + i, false, () -> {
                synchronized (MONITOR) {
                    sleep();
                }
            }));
        }
        for (Thread thread : waiting) {
            while (thread.getState() != Thread.State.BLOCKED) {
                Thread.sleep(5);
            }
        }
        System.gc();
        System.out.println(READY);
        while (true) {
            System.out.println(VITALS + ownReading());
            Thread.sleep(100);
        }
    }

    private static String ownReading() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long blocked = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        return String.format(Locale.ROOT, "%d %d %d %d %d %d", heap.getUsed(), heap.getCommitted(), heap.getMax(),
                threads.getThreadCount(), threads.getDaemonThreadCount(), blocked);
    }

    private static Thread start(String name, boolean daemon, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    private static void sleep() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
