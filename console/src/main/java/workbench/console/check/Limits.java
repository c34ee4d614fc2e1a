package workbench.console.check;

import java.time.Duration;

/**
 * What a check JVM may use before the checker ends it.
 *
 * @param wallClock   time for the whole check class
 * @param testTimeout time for each test, after which it is abandoned and the next one runs
 * @param heap        the {@code -Xmx} value
 * @param output      bytes of output kept for the report
 * @param floodBytes  output past which the JVM is stopped as flooding
 */
public record Limits(Duration wallClock, Duration testTimeout, String heap, int output, long floodBytes) {

    /** Generous enough for checks that start a few JVMs of their own on a busy two-core machine. */
    public static final Limits DEFAULT =
            new Limits(Duration.ofSeconds(180), Duration.ofSeconds(30), "256m", 64 * 1024, 8L * 1024 * 1024);
}
