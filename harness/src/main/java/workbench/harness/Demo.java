package workbench.harness;

/**
 * A deliberately misbehaving program a lesson runs in the lab JVM.
 *
 * <p>Implementations have a public no-argument constructor, so the console can start them by class name,
 * and a {@code main} method, so hidden checks can run them in a JVM of their own.
 */
public interface Demo extends AutoCloseable {

    /** Starts the demo's threads or servers and returns promptly. */
    void start() throws Exception;

    /** One or a few lines on what the demo is doing now: ports, counts, rates. */
    String status();

    /** Stops everything {@link #start()} started; calling it again does nothing. */
    @Override
    void close();
}
