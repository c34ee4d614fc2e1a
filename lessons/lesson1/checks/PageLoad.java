package lesson1.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests to a {@link Page}, sent by threads of the check's own, which measure the CPU time each request took on the
 * request thread: the cost a request path adds, apart from whatever the page does on threads of its own.
 */
final class PageLoad {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * What a load cost.
     *
     * @param requests       requests served
     * @param wallNanos      how long the load took
     * @param cpuNanos       CPU time spent inside {@code render}, on the request threads
     * @param requestThreads ids of the threads that sent the requests
     */
    record Cost(long requests, long wallNanos, long cpuNanos, Set<Long> requestThreads) {

        double microsPerRequest() {
            return cpuNanos / 1e3 / Math.max(1, requests);
        }

        double perSecond() {
            return requests / Math.max(1e-9, wallNanos / 1e9);
        }
    }

    private PageLoad() {}

    /** As many requests as fit in {@code budgetNanos}, up to {@code requests}, one after the other on one thread. */
    static Cost burst(Page page, int requests, long budgetNanos) throws InterruptedException {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        AtomicLong served = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread sender = Thread.ofPlatform().name("check-burst").start(() -> {
            ids.add(Thread.currentThread().threadId());
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            try {
                for (int i = 0; i < requests && System.nanoTime() - start < budgetNanos; i++) {
                    page.render("burst-" + i);
                    served.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
            cpu.set(THREADS.getCurrentThreadCpuTime() - cpuStart);
        });
        sender.join();
        rethrow(failure);
        return new Cost(served.get(), System.nanoTime() - start, cpu.get(), Set.copyOf(ids));
    }

    /**
     * Requests at a steady pace from {@code senders} threads, {@code perSecond} in all, for {@code nanos}: traffic a
     * service sees most of the time, where a cost per unit of time weighs far more per request than in a burst.
     */
    static Cost paced(Page page, int senders, int perSecond, long nanos) throws InterruptedException {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        AtomicLong served = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long period = 1_000_000_000L * senders / perSecond;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            long offset = period * s / senders;
            threads.add(Thread.ofPlatform().name("check-paced-" + s).start(() -> {
                ids.add(Thread.currentThread().threadId());
                try {
                    for (long next = start + offset; next - start < nanos; next += period) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        long before = THREADS.getCurrentThreadCpuTime();
                        page.render("paced-" + served.get());
                        cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
                        served.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        rethrow(failure);
        return new Cost(served.get(), System.nanoTime() - start, cpu.get(), Set.copyOf(ids));
    }

    /** A page that threw on a request thread fails the check in the test's own thread, with its own exception. */
    private static void rethrow(AtomicReference<RuntimeException> failure) {
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
