package lesson6.checks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lesson6.PinDetective;
import lesson6.demo.CarrierService;
import lesson6.demo.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;
import workbench.lessons.harness.Feedback;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code find-the-pin}: two JVMs run the {@code carrier-service} demo, each starved by
 * pinning at a different site drawn at random, and the learner's code must name the pinning site of each; a third,
 * started for a test of its own, is starved by CPU-bound work, and nothing there pins.
 *
 * <p>Every run has the same cast of decoys beside the pinning site (see {@link Plan#pinning}). Proxies a learner
 * might use instead of JFR's pinned events, and what defeats each in every run:
 * <ul>
 *   <li>the slowest site, by wall time or by CPU (execution samples): a decoy computes for more than twice as long
 *       per request as a pin lasts;</li>
 *   <li>the site that blocks the longest (thread dumps, sleep, park or monitor-wait events): a decoy waits in
 *       {@code Object.wait} three times as long per request, on twice as many virtual threads at a time;</li>
 *   <li>{@code synchronized} taken for pinning, as before JDK 24: that decoy blocks inside {@code synchronized},
 *       the pinning site never takes a monitor;</li>
 *   <li>native frames taken for pinning (execution samples under a foreign call): a decoy runs inside the same
 *       native callback without blocking there, while the pinning site's threads sleep and are never sampled;</li>
 *   <li>the site with the most pinned events: another site pins 1.4 to 1.9 times as often, 1 ms each, against 3
 *       or 4 ms at the pinning site, so it holds carriers less than two thirds as long in all;</li>
 *   <li>a threshold of the learner's own to skip short pins (5 or 10 ms): in the first JVM the pinning site's pins
 *       last 3 or 4 ms, so the long pins of the next decoy win;</li>
 *   <li>long pins set aside as a decoy's (20 ms or more): in the second JVM the pinning site's pins last
 *       {@value #LONG_PIN_MILLIS} to {@value #LONGEST_PIN_MILLIS} ms, about 37 a second, and the frequent 1 ms
 *       pins win without them;</li>
 *   <li>the site with the longest pins, or JFR with its usual configuration (the 20 ms threshold of its
 *       {@code default} and {@code profile} settings): a third site pins for 70 to 90 ms, five or six times a
 *       second, so it has the longest pins (30 to 45 ms let a stretched short pin outlast them once in CI) and
 *       nearly all of those over 20 ms, and holds carriers at most 0.55 times as long in all as the pinning site,
 *       whose pins last under 20 ms in the first JVM (a stream that enables the event without any setting records
 *       every pin: the 20 ms lives in those settings, not in the event);</li>
 *   <li>the last few hundred pins of each site, summed: in the first JVM the pinning site pins 250 or 333 times a
 *       second, so 200 of its pins hold carriers 0.6 to 0.8 s, while the long pins of 3 s hold them 1.05 s or
 *       more;</li>
 *   <li>the top frame of a pinned event, or its outermost application frame: the JDK's park, and the request
 *       dispatch that every site shares, never a site;</li>
 *   <li>a fixed answer: the two JVMs pin at different sites;</li>
 *   <li>a site named whenever carriers are starved (the busiest or slowest one when nothing pins): a third JVM's
 *       carriers are held by one site computing, and nothing pins there, so the answer is null.</li>
 * </ul>
 */
class PinDetectiveCheck {

    private static final String PINNING = "Lesson 6, 'Pinning'";
    private static final String SITES = PINNING + ": the site is where the application's own code blocked while"
            + " pinned, the innermost frame that is not the JDK's";
    /** The pinning site's pins in the second JVM: 20 ms or more, the first JVM's far shorter. */
    static final int LONG_PIN_MILLIS = 24;
    static final int LONGEST_PIN_MILLIS = 30;
    /** What may be said of the site sought: true of the frequent decoy too, so it names nothing. */
    private static final String PINNER = "In this run the site that holds carriers the longest pins dozens of times"
            + " a second or more.";
    private static final String NOT_PINNED = PINNING + ": a CPU-bound virtual thread is not pinned, it holds its"
            + " carrier until it blocks; starved carriers with no pinned events have no pinning site";
    private static final List<Service> SERVICES = new ArrayList<>();

    /** One service JVM and the plan it runs. */
    private record Service(Plan plan, LabProcess lab, Target target) {}

    @BeforeAll
    static void startServices() throws IOException {
        Random random = new Random();
        List<String> names = new ArrayList<>(Plan.NAMES);
        java.util.Collections.shuffle(names, random);
        List<Plan> plans = List.of(Plan.pinning(random, names.get(0)), Plan.pinning(random, names.get(1),
                LONG_PIN_MILLIS + random.nextInt(LONGEST_PIN_MILLIS - LONG_PIN_MILLIS + 1)));
        List<LabProcess> labs = new ArrayList<>();
        for (Plan plan : plans) {
            labs.add(start(plan));
        }
        for (int i = 0; i < plans.size(); i++) {
            labs.get(i).awaitLine(CarrierService.READY::equals, LabProcess.START_UP);
            SERVICES.add(new Service(plans.get(i), labs.get(i), Target.attach(labs.get(i).pid())));
        }
    }

    private static LabProcess start(Plan plan) {
        return LabProcess.start(CarrierService.class, List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                "-Djdk.virtualThreadScheduler.parallelism=2"), plan.args());
    }

    @AfterAll
    static void stopServices() {
        for (Service service : SERVICES) {
            service.target().close();
            service.lab().close();
        }
    }

    @Test
    void namesThePinningSite() throws Exception {
        check(SERVICES.get(0));
    }

    @Test
    void namesItAgainWhereAnotherSitePins() throws Exception {
        check(SERVICES.get(1));
    }

    /** Its JVM lives only for this test: its computing keeps the carriers, and the machine, busy. */
    @Test
    void findsNoPinWhereCarriersAreHeldByComputing() throws Exception {
        Plan plan = Plan.cpuBound(new Random());
        try (LabProcess lab = start(plan)) {
            lab.awaitLine(CarrierService.READY::equals, LabProcess.START_UP);
            try (Target target = Target.attach(lab.pid())) {
                String named = PinDetective.pinningSite(target);
                Plan.SiteLoad site = plan.sites().stream().filter(s -> s.site().equals(named)).findFirst()
                        .orElse(null);
                Feedback.check(named == null, "You named `" + named + "` in a service whose carriers are all"
                        + " mounted and whose queue grows, but where no virtual thread was pinned"
                        + (site == null ? "." : ". " + decoy(site, null)), NOT_PINNED);
            }
        }
    }

    private static void check(Service service) throws Exception {
        String named = PinDetective.pinningSite(service.target());
        Plan.SiteLoad pinner = service.plan().pinner();
        if (!pinner.site().equals(named)) {
            explain(named, service.plan(), pinner);
        }
    }

    /** Says what the named site really does, or why the name is no site; never which site pins. */
    private static void explain(String named, Plan plan, Plan.SiteLoad pinner) {
        if (named == null || named.isBlank()) {
            Feedback.fail("Your method found no pinning site, though this service's virtual threads are pinned"
                    + " hundreds of times a second.", PINNING + ": how to record every pin, for a few seconds, of"
                    + " the JVM you are handed; JFR's usual settings keep only pins of 20 ms or more");
        }
        for (Plan.SiteLoad site : plan.sites()) {
            if (site.site().equals(named)) {
                Feedback.fail("You named `" + named + "`. " + decoy(site, pinner), PINNING);
            }
        }
        if (Frames.isInfrastructure(named)) {
            Feedback.fail("You named `" + named + "`, a frame of the JDK or a lambda: where every pinned virtual"
                    + " thread parks or passes, whatever site it comes from. " + PINNER, SITES);
        }
        if (named.startsWith("lesson6.demo.")) {
            Feedback.fail("You named `" + named + "`, which every request, or every native call, passes through on"
                    + " its way to a site. " + PINNER, SITES);
        }
        Feedback.fail("You named `" + named + "`, which is not a site of this service: its sites are `class.method`"
                + " frames such as `lesson6.demo.Geocoder.work`. " + PINNER, SITES);
    }

    private static String decoy(Plan.SiteLoad site, Plan.SiteLoad pinner) {
        return switch (site.role()) {
            case COMPUTES -> String.format(Locale.ROOT, "Each of its requests computes for about %d ms without"
                    + " blocking: slower than the pins that matter here, but a thread that never blocks is never"
                    + " pinned.", site.millis());
            case WAITS_ON_MONITOR -> String.format(Locale.ROOT, "Each of its requests waits about %d ms in"
                    + " Object.wait inside synchronized: it blocks, and since JDK 24 that lets the carrier go.",
                    site.millis());
            case COMPUTES_IN_NATIVE -> "Its requests run inside a native callback, but never block there: native"
                    + " frames alone do not pin, blocking under them does.";
            case PINS_IN_NATIVE -> site.millis() > pinner.millis()
                    ? String.format(Locale.ROOT, "Its requests pin too, %d ms each, longer than any other site's pins,"
                            + " but only about %d times a second, so they hold carriers for less time in all. A pin"
                            + " under 20 ms is left out by JFR's usual settings, and a short pin by any threshold:"
                            + " record every pin, and weigh each site by how long its pins held carriers in all, not"
                            + " by its longest pin.", site.millis(),
                            site.perSecond())
                    : String.format(Locale.ROOT, "Its requests pin too, about %d times a second but %d ms each: more"
                            + " pins than any other site, yet they hold carriers for less time in all. Weigh each site"
                            + " by how long all its pins held carriers, long ones included, not by how many there"
                            + " were.", site.perSecond(), site.millis());
        };
    }
}
