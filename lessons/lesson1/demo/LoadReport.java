package lesson1.demo;

import java.time.Duration;
import java.util.Locale;

/**
 * What a burst of requests cost: how long it took and how often the JVM stopped every thread meanwhile.
 *
 * @param requests requests sent and answered
 * @param failed requests that did not get a 200 answer
 * @param elapsed wall-clock time of the whole burst
 * @param safepoints safepoints the serving JVM went through during the burst
 * @param stopped time its threads spent stopped at those safepoints
 */
public record LoadReport(int requests, int failed, Duration elapsed, long safepoints, Duration stopped) {

    /** Answered requests per second. */
    public double requestsPerSecond() {
        return requests / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** Safepoints per 1,000 requests. */
    public double safepointsPerThousand() {
        return requests == 0 ? 0 : safepoints * 1000.0 / requests;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d requests (%d failed) in %d ms: %.0f req/s, %d safepoints"
                        + " (%.1f per 1,000 requests), %.1f ms stopped",
                requests, failed, elapsed.toMillis(), requestsPerSecond(), safepoints, safepointsPerThousand(),
                stopped.toNanos() / 1e6);
    }
}
