package workbench.checks;

import java.io.IOException;
import workbench.diagnostics.target.Target;

/** The rule for a Target handed to the learner's code: the caller attached it, so the caller closes it. */
public final class HandedTarget {

    public static final String OWNER = "Lesson 1, page 'The metric catalogue': whoever attaches to a JVM closes the"
            + " Target; code handed one reads through it and leaves it open";

    private HandedTarget() {
    }

    /** Whether the target still answers over its connection, as it must after the learner's code returned. */
    public static boolean answers(Target target) {
        try {
            target.connection().getMBeanCount();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What the learner reads when their code closed the target it was handed. */
    public static String closedBy(Target target) {
        return "Your code closed the Target it was handed (pid " + target.pid() + "), which its caller attached"
                + " and still needed.";
    }
}
