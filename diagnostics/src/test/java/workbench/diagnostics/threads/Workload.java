package workbench.diagnostics.threads;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Real threads that leak or only look busy, for the leak finder's tests. */
final class Workload implements AutoCloseable {

    private final ScheduledExecutorService driver =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("workload-driver").factory());
    private final CountDownLatch never = new CountDownLatch(1);
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> executors = new CopyOnWriteArrayList<>();
    private int sequence;

    /** Every {@code periodMillis} a new thread of the pool blocks on a latch that is never counted down. */
    Workload leak(String pool, long periodMillis) {
        driver.scheduleAtFixedRate(() -> start(pool, never), 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Every {@code periodMillis} a new thread of the pool waits about {@code waitMillis}, then ends. */
    Workload churn(String pool, long periodMillis, long waitMillis) {
        driver.scheduleAtFixedRate(() -> {
            CountDownLatch done = new CountDownLatch(1);
            start(pool, done);
            driver.schedule(done::countDown, waitMillis, TimeUnit.MILLISECONDS);
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Every {@code periodMillis} a new thread of the pool starts a conversation that lasts until the workload
     * closes: it waits for a reply on a fresh latch, which comes after {@code replyMillis}, then for the next.
     */
    Workload chat(String pool, long periodMillis, long replyMillis) {
        driver.scheduleAtFixedRate(() -> started.add(Thread.ofPlatform().name(pool + "-" + sequence++).start(() -> {
            try {
                while (true) {
                    CountDownLatch reply = new CountDownLatch(1);
                    driver.schedule(reply::countDown, replyMillis, TimeUnit.MILLISECONDS);
                    reply.await();
                }
            } catch (InterruptedException | RejectedExecutionException e) {
                // the workload closed
            }
        })), 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** {@code size} waiting threads at once, then one ends every {@code periodMillis}. */
    Workload shrink(String pool, int size, long periodMillis) {
        CountDownLatch[] latches = new CountDownLatch[size];
        for (int i = 0; i < size; i++) {
            latches[i] = new CountDownLatch(1);
            start(pool, latches[i]);
        }
        int[] next = {0};
        driver.scheduleAtFixedRate(() -> {
            if (next[0] < size) {
                latches[next[0]++].countDown();
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Every {@code periodMillis} an executor is created for one request and never shut down. */
    Workload executorPerRequest(long periodMillis) {
        driver.scheduleAtFixedRate(() -> {
            ExecutorService perRequest = Executors.newFixedThreadPool(1);
            executors.add(perRequest);
            perRequest.submit(() -> "response");
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void start(String pool, CountDownLatch latch) {
        started.add(Thread.ofPlatform().name(pool + "-" + sequence++).start(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Override
    public void close() throws InterruptedException {
        driver.shutdownNow();
        driver.awaitTermination(5, TimeUnit.SECONDS);
        started.forEach(Thread::interrupt);
        executors.forEach(ExecutorService::shutdownNow);
        for (Thread thread : started) {
            thread.join(5_000);
        }
        for (ExecutorService executor : executors) {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
