package workbench.console.lab;

/** The lab JVM could not be started; the message is meant for the learner. */
public final class LabUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LabUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
