package workbench.harness;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;
import static org.junit.platform.launcher.core.LauncherExecutionRequestBuilder.executionRequest;

/**
 * Main class of a check JVM: runs one hidden check class with the JUnit Platform Launcher and records
 * every result through {@link CheckEvents}. The console reads that record, never this JVM's output. The first test
 * that runs out of time ends the check: code that loops or deadlocks would only make every later test wait as long.
 * With {@value #STOP_AT_FIRST_FAILURE} set, the first test that fails for any reason ends it.
 *
 * <p>Arguments: the record file, the folder of the learner's compiled classes, the check class, and optionally
 * the name of the one test to run (as {@link ResultRecorder#name} words it). System property
 * {@value #LEARNER_SOURCE} names the learner's file, for feedback that points into it.
 */
public final class CheckMain {

    /** The system property that names the learner's source file as the learner would open it. */
    public static final String LEARNER_SOURCE = "workbench.learner.source";
    /** The system property that, when {@code true}, ends the check at the first test that does not pass. */
    public static final String STOP_AT_FIRST_FAILURE = "workbench.check.stopAtFirstFailure";
    /** Every test runs on a thread of its own and is abandoned after this long, stuck or not. */
    private static final String TEST_TIMEOUT = System.getProperty("workbench.test.timeout", "30 s");

    private CheckMain() {
    }

    /**
     * Every test of the class, or only the one named {@code onlyTest} when that is not null. Typed here, not as a
     * lambda at the call: there its target type would be the launcher's bare {@code Filter}, which it refuses.
     */
    static PostDiscoveryFilter tests(String onlyTest) {
        return onlyTest == null ? descriptor -> FilterResult.included("all tests") : onlyTest(onlyTest);
    }

    /** Keeps the test of that name and every container; the launcher prunes containers left empty. */
    private static PostDiscoveryFilter onlyTest(String name) {
        return descriptor -> !descriptor.isTest() || ResultRecorder.name(descriptor.getDisplayName()).equals(name)
                ? FilterResult.included(name) : FilterResult.excluded("not " + name);
    }

    public static void main(String[] args) throws ClassNotFoundException {
        CheckEvents events = new CheckEvents(Path.of(args[0]));
        LearnerCode learner = new LearnerCode(Path.of(args[1]), System.getProperty(LEARNER_SOURCE));
        Class<?> checks = Class.forName(args[2]);
        events.ready();

        LauncherDiscoveryRequest discovery = request()
                .selectors(selectClass(checks))
                .filters(tests(args.length > 3 ? args[3] : null))
                .configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        LauncherConfig quiet = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build();
        CancellationToken stop = CancellationToken.create();
        try (LauncherSession session = LauncherFactory.openSession(quiet)) {
            session.getLauncher().execute(executionRequest(discovery)
                    .listeners(new ResultRecorder(events, new Verdicts(learner), stop,
                            Boolean.getBoolean(STOP_AT_FIRST_FAILURE)))
                    .cancellationToken(stop)
                    .build());
        }
        // Learner threads may still run (a deadlock the time-out abandoned); they must not keep this JVM up.
        System.exit(0);
    }
}
