package workbench.console.lab;

/**
 * The flag that instrumented snippet code polls, so that a runaway snippet can be stopped without
 * {@code Thread.stop}. Public only because snippet classes, loaded by JShell's own class loader in
 * the lab JVM, call {@link #check()} at every method entry and backward branch.
 */
public final class StopSignal {

    private static volatile boolean raised;

    private StopSignal() {
    }

    /** Throws {@link SnippetStopped} when the console asked the running snippet to stop. */
    public static void check() {
        if (raised) {
            throw new SnippetStopped();
        }
    }

    static void raise() {
        raised = true;
    }

    static void clear() {
        raised = false;
    }
}
