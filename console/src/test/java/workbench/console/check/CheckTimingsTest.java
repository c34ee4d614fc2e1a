package workbench.console.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.CheckEvents;
import workbench.harness.CheckEvents.Kind;
import workbench.harness.TestStatus;

/** A check JVM's record turned into phases: the check class's whole span is its own work, the rest overhead. */
class CheckTimingsTest {

    private static final Instant LAUNCHED = Instant.ofEpochMilli(1_000_000);
    private static final Duration COMPILE = Duration.ofMillis(150);

    @Test
    void theCheckClassWithItsSetUpIsTheChecksOwnWork() {
        CheckTimings timings = CheckTimings.of(COMPILE, LAUNCHED, List.of(
                mark(Kind.READY, 300), mark(Kind.CLASS_STARTED, 500), test(Kind.STARTED, 1800),
                test(Kind.FINISHED, 2400), mark(Kind.CLASS_FINISHED, 2500)), at(2700), at(2710));

        assertThat(timings.jvmStart()).isEqualTo(Duration.ofMillis(300));
        assertThat(timings.observation()).isEqualTo(Duration.ofMillis(2000));
        assertThat(timings.harness()).isEqualTo(Duration.ofMillis(400));
        assertThat(timings.reporting()).isEqualTo(Duration.ofMillis(10));
        assertThat(timings.overhead()).isEqualTo(Duration.ofMillis(860));
        assertThat(timings.total()).isEqualTo(Duration.ofMillis(2860));
    }

    @Test
    void aJvmThatDiedWithinTheCheckClassWorkedUntilItDied() {
        CheckTimings timings = CheckTimings.of(COMPILE, LAUNCHED, List.of(
                mark(Kind.READY, 300), mark(Kind.CLASS_STARTED, 500), test(Kind.STARTED, 600)), at(900), at(905));

        assertThat(timings.observation()).isEqualTo(Duration.ofMillis(400));
        assertThat(timings.harness()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aJvmThatDiedBeforeItWasReadyIsAllStartUp() {
        CheckTimings timings = CheckTimings.of(COMPILE, LAUNCHED, List.of(), at(800), at(801));

        assertThat(timings.jvmStart()).isEqualTo(Duration.ofMillis(800));
        assertThat(timings.harness()).isZero();
        assertThat(timings.observation()).isZero();
    }

    private static Instant at(long millisAfterLaunch) {
        return LAUNCHED.plusMillis(millisAfterLaunch);
    }

    private static CheckEvents.Event mark(Kind kind, long millisAfterLaunch) {
        return new CheckEvents.Event(kind, null, null, null, null, at(millisAfterLaunch).toEpochMilli());
    }

    private static CheckEvents.Event test(Kind kind, long millisAfterLaunch) {
        return new CheckEvents.Event(kind, "a test", kind == Kind.FINISHED ? TestStatus.PASS : null, null, null,
                at(millisAfterLaunch).toEpochMilli());
    }
}
