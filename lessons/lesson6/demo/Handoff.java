package lesson6.demo;

/**
 * Work handed over to code that something else calls back, a comparator that C calls or a static initializer that
 * the JVM runs, which cannot carry an exception out: the work runs there, and what it threw is thrown again once
 * the call back has returned.
 */
final class Handoff {

    /** A call that leads, through C or the JVM, to {@link #runPending()}. */
    @FunctionalInterface
    interface Caller {
        void call() throws Throwable;
    }

    private static final ThreadLocal<NativeSort.Callback> PENDING = new ThreadLocal<>();
    private static final ThreadLocal<Throwable> THROWN = new ThreadLocal<>();

    private Handoff() {
    }

    /** Makes {@code work} this thread's pending work, makes the call, then throws what the work threw. */
    static void runThrough(NativeSort.Callback work, Caller caller) throws InterruptedException {
        PENDING.set(work);
        try {
            caller.call();
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            PENDING.remove();
        }
        Throwable thrown = THROWN.get();
        THROWN.remove();
        switch (thrown) {
            case null -> { }
            case InterruptedException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(thrown);
        }
    }

    /** Runs this thread's pending work, once: a second call back finds none. */
    static void runPending() {
        NativeSort.Callback work = PENDING.get();
        if (work != null) {
            PENDING.remove();
            try {
                work.run();
            } catch (Throwable e) {
                THROWN.set(e);   // the caller throws it once the call back has returned
            }
        }
    }
}
