package workbench.console.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import workbench.harness.CheckEvents;

/**
 * Where a check's time went: compiling the learner's file, starting the check JVM (up to its checks being loaded),
 * the test harness around the checks (discovering them, shutting down), the checks' own work (everything the check
 * class does: starting the misbehaving runs and observing them in its set-up, and its tests) and turning the record
 * into a verdict. Everything but the checks' own work is overhead.
 */
public record CheckTimings(Duration compile, Duration jvmStart, Duration harness, Duration observation,
                           Duration reporting) {

    /** A check that ended at compiling. */
    static CheckTimings compiledOnly(Duration compile) {
        return new CheckTimings(compile, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The timings of a check JVM's run from its record: the JVM started at {@code launched} and had exited at
     * {@code exited}; the verdict was ready at {@code reported}. A JVM that died before it was ready counts as
     * start-up; one that died within the check class, as its work up to then.
     */
    static CheckTimings of(Duration compile, Instant launched, List<CheckEvents.Event> events, Instant exited,
                           Instant reported) {
        Instant ready = at(events, CheckEvents.Kind.READY).orElse(exited);
        Optional<Instant> classStarted = at(events, CheckEvents.Kind.CLASS_STARTED);
        Instant checksFrom = classStarted.orElse(ready);
        Instant checksTo = at(events, CheckEvents.Kind.CLASS_FINISHED)
                .orElse(classStarted.isPresent() ? exited : ready);
        Duration observation = nonNegative(Duration.between(checksFrom, checksTo));
        Duration inJvm = nonNegative(Duration.between(ready, exited));
        return new CheckTimings(compile, nonNegative(Duration.between(launched, ready)),
                nonNegative(inJvm.minus(observation)), observation, nonNegative(Duration.between(exited, reported)));
    }

    private static Optional<Instant> at(List<CheckEvents.Event> events, CheckEvents.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).findFirst().map(e -> Instant.ofEpochMilli(e.at()));
    }

    /** The whole check. */
    public Duration total() {
        return compile.plus(jvmStart).plus(harness).plus(observation).plus(reporting);
    }

    /** What the check took beyond the checks' own work. */
    public Duration overhead() {
        return total().minus(observation);
    }

    /** Two clocks read milliseconds apart can disagree by one: never a negative phase. */
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
