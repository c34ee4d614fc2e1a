package workbench.console.check;

/**
 * Which of an exercise's hidden tests a check runs: every one, only the one named {@code onlyTest}, or every one
 * until the first that fails, which is all it takes to show that an answer is not yet right.
 */
public record CheckScope(String onlyTest, boolean untilFirstFailure) {

    /** Every test, so that the learner sees each that fails. */
    public static final CheckScope ALL = new CheckScope(null, false);
    /** Every test until one fails: the build proves that an untouched stub fails without waiting for the rest. */
    public static final CheckScope UNTIL_FIRST_FAILURE = new CheckScope(null, true);

    /** Only the test of that name, as the learner reads it: the build proves a wrong answer fails its own test. */
    public static CheckScope only(String test) {
        return new CheckScope(test, false);
    }
}
