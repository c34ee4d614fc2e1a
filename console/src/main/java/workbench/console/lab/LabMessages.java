package workbench.console.lab;

/** What the learner reads about the lab JVM's life, in one place. */
final class LabMessages {

    static final String KILLED_AFTER_STOP = "The snippet did not stop within "
            + LabSession.STOP_GRACE_MILLIS / 1000 + " s (stuck in a lock or a blocking call?), so the lab JVM "
            + "was killed. A fresh lab JVM is starting: your variables are gone, the imports are back.";

    private LabMessages() {
    }

    static String exited(int exitCode, boolean ranOutOfMemory) {
        String why = ranOutOfMemory ? "ran out of memory (OutOfMemoryError) and stopped"
                : switch (exitCode) {
                    case 137 -> "was killed (exit code 137)";
                    default -> "exited with code " + exitCode + " (System.exit(" + exitCode + ")?)";
                };
        return "The lab JVM " + why + ". A fresh lab JVM is starting: your variables are gone, the imports are back.";
    }

    static String cannotStart(Throwable cause) {
        return "The lab JVM could not start: " + cause.getMessage()
                + ". Check that the build is complete (./workbench rebuilds it) and that the machine has free memory.";
    }
}
