package workbench.harness;

/** How one hidden test ended, as the check JVM records it and the console reports it. */
public enum TestStatus {
    /** The learner's answer meets the test. */
    PASS,
    /** The answer is wrong: the test observed something that contradicts it. */
    FAIL,
    /** The answer broke (threw, hung, ran out of memory) or the test could not run. */
    ERROR,
    /** The test did not run, for the reason its message gives. */
    SKIPPED
}
