package lesson1.checks;

import java.util.concurrent.locks.LockSupport;

/**
 * Threads coming and going, as in any service whose pools retire idle threads: once started, one thread keeps up to
 * {@value #OVERLAPPING} short-lived threads alive at a time, each ending {@value #LIFE_MICROS} µs after it starts,
 * until closed. A thread listed by {@code getAllThreadIds()} has then often ended by the time {@code getThreadInfo}
 * looks it up, which returns {@code null} in its place.
 *
 * <p>Overlapping lives make that race likely in every run, for about 0.8 of a core: measured with one core busy and
 * 160 threads blocked, a scheduled task looking up every 20 ms met a null in 15 to 19 lookups of 100 in each of three
 * runs; one thread at a time, started and joined, gave 1.5 in two runs of three and 19 in the third.
 */
final class ThreadTurnover implements AutoCloseable {

    private static final int OVERLAPPING = 16;
    private static final long LIFE_MICROS = 50;

    private final Thread starter = Thread.ofPlatform().daemon().name("check-turnover").unstarted(this::turnOver);
    /** The latest threads started, each joined before another takes its place. */
    private final Thread[] alive = new Thread[OVERLAPPING];
    private volatile boolean running = true;

    /** Starts the turnover; later calls do nothing. */
    void start() {
        if (starter.getState() == Thread.State.NEW) {
            starter.start();
        }
    }

    private void turnOver() {
        try {
            for (int born = 0; running; born++) {
                join(born % OVERLAPPING);
                alive[born % OVERLAPPING] = Thread.ofPlatform().daemon().name("check-short-lived-" + born)
                        .start(() -> LockSupport.parkNanos(LIFE_MICROS * 1_000));
            }
            for (int slot = 0; slot < OVERLAPPING; slot++) {
                join(slot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void join(int slot) throws InterruptedException {
        if (alive[slot] != null) {
            alive[slot].join();
        }
    }

    /** Stops starting threads and waits until the last one has ended; calling it again does nothing. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        starter.join();
    }
}
