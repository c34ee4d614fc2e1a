package workbench.diagnostics.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** A JVM for {@link AttachedTargetTest}: three workers on a kept latch, two consumers of a forgotten queue. */
public final class ChildWithBlockedThreads {

    static final String READY = "child ready";
    private static final CountDownLatch KEPT = new CountDownLatch(1);

    private ChildWithBlockedThreads() {}

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Thread.ofPlatform().name("kept-worker-" + i).start(ChildWithBlockedThreads::awaitKept);
        }
        Thread.ofVirtual().name("kept-virtual-0").start(ChildWithBlockedThreads::awaitKept);
        startConsumersOfAForgottenQueue();
        Thread.sleep(300);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(0);
    }

    private static void startConsumersOfAForgottenQueue() {
        LinkedBlockingQueue<String> forgotten = new LinkedBlockingQueue<>();
        for (int i = 0; i < 2; i++) {
            Thread.ofPlatform().daemon().name("orphan-consumer-" + i).start(() -> {
                try {
                    forgotten.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private static void awaitKept() {
        try {
            KEPT.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
