package workbench.diagnostics.target;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An attached JVM can no longer be reached: it exited, was killed, or closed its JMX connection. Every read of an
 * attached {@link Target} that needs the other JVM throws this, whatever the JMX or RMI layer underneath threw.
 *
 * {@snippet class=workbench.diagnostics.snippets.TargetSnippets region=gone}
 */
public final class TargetGoneException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final long pid;

    /**
     * @param pid   the process id of the JVM that went away
     * @param cause what the connection reported
     */
    public TargetGoneException(long pid, IOException cause) {
        super("The JVM " + pid + " can no longer be reached: it exited or closed its JMX connection ("
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                + cause.getMessage().lines().findFirst().orElse("")) + "). Attach again once it runs.", cause);
        this.pid = pid;
    }

    /** The process id of the JVM that went away. */
    public long pid() {
        return pid;
    }
}
