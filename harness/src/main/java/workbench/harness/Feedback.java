package workbench.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

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

    /** How many of a passing test's last observations are kept, and how much of each. */
    private static final int KEPT = 3;
    private static final int KEPT_CHARS = 300;

    /**
     * What the checks of the running test observed when they passed: a pass that should have been a failure can
     * only be explained by its figures.
     */
    private static final Deque<String> OBSERVED = new ArrayDeque<>();

    private Feedback() {
    }

    /** Fails with what was observed and what to revisit. */
    public static AssertionError fail(String observed, String revisit) {
        throw new AssertionError(observed + REVISIT + revisit);
    }

    /** Fails as {@link #fail(String, String)} does unless {@code ok}, and otherwise keeps what was observed. */
    public static void check(boolean ok, String observed, String revisit) {
        if (!ok) {
            fail(observed, revisit);
        }
        // Cut only when taken: a check may call this thousands of times in a loop, and only the last few are kept.
        synchronized (OBSERVED) {
            OBSERVED.addLast(String.valueOf(observed));
            if (OBSERVED.size() > KEPT) {
                OBSERVED.removeFirst();
            }
        }
    }

    /** The last observations of checks that passed since the previous call, oldest first; then forgets them. */
    static String takeObserved() {
        synchronized (OBSERVED) {
            String observed = OBSERVED.stream()
                    .map(one -> one.length() > KEPT_CHARS ? one.substring(0, KEPT_CHARS) + "..." : one)
                    .collect(Collectors.joining(" | ")).replace('\n', ' ');
            OBSERVED.clear();
            return observed.isEmpty() ? null : observed;
        }
    }
}
