package lesson1.checks;

/**
 * Threads coming and going, as in any service whose pools retire idle threads: once started, one thread starts
 * short-lived threads, one after another, until closed. A thread listed by {@code getAllThreadIds()} has often ended
 * by the time {@code getThreadInfo} looks it up, which then returns {@code null} in its place.
 */
final class ThreadTurnover implements AutoCloseable {

    private final Thread starter = Thread.ofPlatform().daemon().name("check-turnover").unstarted(this::turnOver);
    private volatile boolean running = true;

    /** Starts the turnover; later calls do nothing. */
    void start() {
        if (starter.getState() == Thread.State.NEW) {
            starter.start();
        }
    }

    private void turnOver() {
        for (int born = 0; running; born++) {
            try {
                Thread.ofPlatform().daemon().name("check-short-lived-" + born).start(() -> {}).join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops starting threads and waits until the last one has ended. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        starter.join();
    }
}
