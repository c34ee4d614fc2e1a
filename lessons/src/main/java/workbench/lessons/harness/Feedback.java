package workbench.lessons.harness;

/**
 * Failures in the learner's terms: what the check observed and which idea to revisit, never the expected
 * answer. Checks use these instead of {@code assertEquals}, whose message would print the answer.
 *
 * <pre>{@code
 * Feedback.check(named.equals(leakingPool),
 *         "your method named pool '" + named + "', whose threads came and went",
 *         "Lesson 3, 'A count alone misleads': look for a group that only grows");
 * }</pre>
 */
public final class Feedback {

    /** Separates the two parts of a failure message; the checker splits on it. */
    public static final String REVISIT = "\nRevisit: ";

    private Feedback() {
    }

    /** Fails with what was observed and what to revisit. */
    public static AssertionError fail(String observed, String revisit) {
        throw new AssertionError(observed + REVISIT + revisit);
    }

    /** Fails as {@link #fail(String, String)} does unless {@code ok}. */
    public static void check(boolean ok, String observed, String revisit) {
        if (!ok) {
            fail(observed, revisit);
        }
    }
}
