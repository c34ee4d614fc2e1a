package lesson6.checks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import lesson6.PinDetective;
import lesson6.demo.CarrierService;
import lesson6.demo.Plan;
import lesson6.demo.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code find-the-pin}: JVMs run the {@code carrier-service} demo, each pinned at a
 * different site drawn at random, and the learner's code must name the pinning site of each. The third JVM's
 * site pins inside a class initializer; once named, that service is redeployed in the same JVM with carriers
 * starved by CPU-bound work while another site pins now and then, and then once more with nothing pinning.
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
 *   <li>the site with the most pinned events: in the second and third JVMs another site pins 1.4 to 1.9 times as
 *       often, 1 ms each, against 3 ms or more at the pinning site, so it holds carriers less than two thirds as
 *       long in all;</li>
 *   <li>a threshold of the learner's own to skip short pins (1, 5 or 10 ms), or durations summed in whole
 *       milliseconds: in the first JVM the pinning site's pins last {@value #SHORTEST_PIN_MICROS} to
 *       {@value #SHORT_PIN_MICROS} µs, under a millisecond, so the longer pins of a decoy win;</li>
 *   <li>long pins set aside as a decoy's (20 ms or more): in the second JVM the pinning site's pins last
 *       {@value #LONG_PIN_MILLIS} to {@value #LONGEST_PIN_MILLIS} ms, about 37 a second, and the frequent 1 ms
 *       pins win without them;</li>
 *   <li>the time during which a site held at least one carrier (its pins merged on a timeline), not the carrier
 *       time: in the second JVM, with {@value #WIDE_PARALLELISM} carriers, the pinning site's requests arrive
 *       {@value #BATCH} at a time and pin at once, so its pins cover a sixth of the timeline they would one by
 *       one, less than the long pins cover alone;</li>
 *   <li>the site with the longest pins, or JFR with its usual configuration (the 20 ms threshold of its
 *       {@code default} and {@code profile} settings): a third site pins for 70 to 90 ms, five or six times a
 *       second, so it has the longest pins (30 to 45 ms let a stretched short pin outlast them once in CI) and
 *       nearly all of those over 20 ms, and holds carriers at most 0.55 times as long in all as the pinning site,
 *       whose pins last under 20 ms in the first and third JVMs (a stream that enables the event without any
 *       setting records every pin: the 20 ms lives in those settings, not in the event);</li>
 *   <li>the last few hundred pins of each site, summed: in the first JVM the pinning site pins well over a
 *       thousand times a second, so 200 of its pins hold carriers about a tenth of a second, while the long pins
 *       of 3 s hold them 1.05 s or more;</li>
 *   <li>pins in a class initializer set aside as start-up noise: in the third JVM the pinning site pins there;</li>
 *   <li>the top frame of a pinned event, or its outermost application frame: the JDK's park, and the request
 *       dispatch that every site shares, never a site;</li>
 *   <li>a fixed answer: the JVMs pin at different sites;</li>
 *   <li>a site named whenever carriers are starved (the busiest or slowest one when nothing pins): once the third
 *       JVM is redeployed a second time, its carriers are held by one site computing and nothing pins, so the
 *       answer is null;</li>
 *   <li>a few pins taken for noise (a least share of the watch before a site counts): after the first redeploy,
 *       while one site computes, another pins two or three times a second for 10 to 20 ms, a few hundredths of
 *       the watch, and no other site pins;</li>
 *   <li>carriers held either by computing or by pinning, never both: in that same service both hold them;</li>
 *   <li>pins kept from an earlier call (a recording left running, or an answer kept per JVM): after each redeploy
 *       the site named first no longer pins.</li>
 * </ul>
 */
class PinDetectiveCheck {

    private static final String PINNING = "Lesson 6, 'Pinning'";
    private static final String SITES = PINNING + ": the site is where the application's own code blocked while"
            + " pinned, the innermost frame that is not the JDK's";
    /** The pinning site's pins in the first JVM: under a millisecond, as many as fill about a second every second. */
    static final int SHORTEST_PIN_MICROS = 400;
    static final int SHORT_PIN_MICROS = 600;
    /** The pinning site's pins in the second JVM: 20 ms or more, the first JVM's far shorter. */
    static final int LONG_PIN_MILLIS = 24;
    static final int LONGEST_PIN_MILLIS = 30;
    /** Carriers of the first and third JVMs, as many as the processors here: each pinned one is missed. */
    static final int PARALLELISM = 2;
    /** The second JVM's carriers, and how many of its pinning site's requests arrive at once. */
    static final int WIDE_PARALLELISM = 8;
    static final int BATCH = 6;
    /** What may be said of the site sought: true of the frequent decoy too, so it names nothing. */
    private static final String PINNER = "In this run the site that holds carriers the longest pins dozens of times"
            + " a second or more.";
    private static final String NOT_PINNED = PINNING + ": a CPU-bound virtual thread is not pinned, it holds its"
            + " carrier until it blocks; starved carriers with no pinned events have no pinning site";
    private static final List<Service> SERVICES = new ArrayList<>();
    private static final List<String> NAMES = new ArrayList<>(Plan.NAMES);
    private static final Random RANDOM = new Random();

    /** One service JVM and the plan it runs. */
    private record Service(Plan plan, LabProcess lab, Target target) {}

    @BeforeAll
    static void startServices() throws IOException {
        java.util.Collections.shuffle(NAMES, RANDOM);
        List<Plan> plans = List.of(
                Plan.pinning(RANDOM, NAMES.get(0), between(SHORTEST_PIN_MICROS, SHORT_PIN_MICROS),
                        Role.PINS_IN_NATIVE),
                Plan.pinning(RANDOM, NAMES.get(1), between(LONG_PIN_MILLIS, LONGEST_PIN_MILLIS) * 1_000,
                        Role.PINS_IN_NATIVE).pinnerInBatches(BATCH));
        List<LabProcess> labs = new ArrayList<>();
        for (Plan plan : plans) {
            labs.add(start(plan, plan.pinner().batch() > 1 ? WIDE_PARALLELISM : PARALLELISM));
        }
        for (int i = 0; i < plans.size(); i++) {
            labs.get(i).awaitLine(CarrierService.READY::equals, LabProcess.START_UP);
            SERVICES.add(new Service(plans.get(i), labs.get(i), Target.attach(labs.get(i).pid())));
        }
    }

    private static int between(int least, int most) {
        return least + RANDOM.nextInt(most - least + 1);
    }

    private static LabProcess start(Plan plan, int parallelism, String... flags) {
        List<String> jvmFlags = new ArrayList<>(List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                "-Djdk.virtualThreadScheduler.parallelism=" + parallelism));
        jvmFlags.addAll(List.of(flags));
        return LabProcess.start(CarrierService.class, jvmFlags, plan.args());
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

    /**
     * Its JVM lives only for this test: redeployed, its computing keeps the carriers, and the machine, busy; first
     * one site pins a few times a second, then nothing pins. The same {@link Target} is handed over every time, as
     * the console's lab JVM is.
     */
    @Test
    void followsTheServiceWhenItIsRedeployed() throws Exception {
        Plan pinning = Plan.pinning(RANDOM, NAMES.get(2), between(3, 4) * 1_000, Role.PINS_IN_INITIALIZER);
        // One processor, as the JVM sees it: computing keeps its CPU near the processors even with a core taken.
        try (LabProcess lab = start(pinning, PARALLELISM, "-XX:ActiveProcessorCount=1")) {
            lab.awaitLine(CarrierService.READY::equals, LabProcess.START_UP);
            try (Target target = Target.attach(lab.pid())) {
                check(new Service(pinning, lab, target));
                for (Plan computing : List.of(Plan.cpuBound(RANDOM).withFewPins(RANDOM), Plan.cpuBound(RANDOM))) {
                    lab.tell(String.join(" ", computing.args()));
                    lab.awaitLine(CarrierService.READY::equals, LabProcess.START_UP);
                    String named = PinDetective.pinningSite(target);
                    Plan.SiteLoad pinner = computing.pinner();
                    if (!Objects.equals(named, pinner == null ? null : pinner.site())) {
                        explainRedeployed(named, pinning.pinner(), computing);
                    }
                }
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
        String initializer = pinner.role() == Role.PINS_IN_INITIALIZER ? " In this service the pins that matter"
                + " happen inside a class initializer (`VM call to ….<clinit> on stack`): they hold carriers like"
                + " any other pin, for as long as the initializer blocks." : pinner.batch() > 1 ? " In this service"
                + " the pins that matter come in batches, several carriers held at once: each carrier counts, for"
                + " as long as it was held." : "";
        if (named == null || named.isBlank()) {
            Feedback.fail("Your method found no pinning site, though this service's virtual threads are pinned"
                    + " hundreds of times a second." + initializer, PINNING + ": how to record every pin, for a few"
                    + " seconds, of the JVM you are handed; JFR's usual settings keep only pins of 20 ms or more");
        }
        for (Plan.SiteLoad site : plan.sites()) {
            if (site.site().equals(named)) {
                Feedback.fail("You named `" + named + "`. " + decoy(site, pinner) + initializer, PINNING);
            }
        }
        if (Frames.isInfrastructure(named)) {
            Feedback.fail("You named `" + named + "`, a frame of the JDK or a lambda: where every pinned virtual"
                    + " thread parks or passes, whatever site it comes from. " + PINNER, SITES);
        }
        if (named.startsWith("lesson6.demo.")) {
            Feedback.fail("You named `" + named + "`, which every request, every native call or every plugin"
                    + " passes through on its way to a site. " + PINNER, SITES);
        }
        Feedback.fail("You named `" + named + "`, which is not a site of this service: its sites are `class.method`"
                + " frames such as `lesson6.demo.Geocoder.work`. " + PINNER, SITES);
    }

    /**
     * After a redeploy the carriers are held by computing, and one site pins a few times a second or none does:
     * says what the named site does now, that it pinned only before, or that a few pins are pins.
     */
    private static void explainRedeployed(String named, Plan.SiteLoad before, Plan computing) {
        if (before.site().equals(named)) {
            Feedback.fail("You named `" + named + "` again after the service was redeployed in the same JVM, though"
                    + " nothing has pinned there since: its carriers are now held by computing. Your answer"
                    + " described what pinned before this call, not while it watched.", PINNING + ": record"
                    + " the pins of each call's own watch; events kept from an earlier call describe the past");
        }
        Plan.SiteLoad pinner = computing.pinner();
        if (pinner == null) {
            Plan.SiteLoad site = computing.sites().stream().filter(s -> s.site().equals(named)).findFirst()
                    .orElse(null);
            Feedback.fail("You named `" + named + "` in a service whose carriers are all mounted and whose queue"
                    + " grows, but where no virtual thread was pinned" + (site == null ? "." : ". "
                    + decoy(site, null)), NOT_PINNED);
        }
        if (named == null || named.isBlank()) {
            Feedback.fail("Your method found no pinning site after the service was redeployed in the same JVM,"
                    + " though while it watched, with another site computing on the carriers, one site's virtual"
                    + " threads were pinned a few times a second, and no other site's were.", PINNING + ": every pin"
                    + " the JVM records holds a carrier for its whole length, whatever else keeps the carriers busy;"
                    + " a site that pins seldom still pins, and with no other pins it is the site");
        }
        explain(named, computing, pinner);
    }

    private static String decoy(Plan.SiteLoad site, Plan.SiteLoad pinner) {
        return switch (site.role()) {
            case COMPUTES -> String.format(Locale.ROOT, "Each of its requests computes for about %s without"
                    + " blocking: slower than the pins that matter here, but a thread that never blocks is never"
                    + " pinned.", length(site));
            case WAITS_ON_MONITOR -> String.format(Locale.ROOT, "Each of its requests waits about %s in"
                    + " Object.wait inside synchronized: it blocks, and since JDK 24 that lets the carrier go.",
                    length(site));
            case COMPUTES_IN_NATIVE -> "Its requests run inside a native callback, but never block there: native"
                    + " frames alone do not pin, blocking under them does.";
            case PINS_IN_NATIVE, PINS_IN_INITIALIZER -> site.micros() > pinner.micros()
                    ? String.format(Locale.ROOT, "Its requests pin too, %s each, longer than the pins that matter"
                            + " here, but only about %d times a second, so they hold carriers for less time in all."
                            + " Short pins are left out by JFR's usual settings (under 20 ms), by any threshold, and"
                            + " by a sum in whole milliseconds: record every pin, and weigh each site by how long"
                            + " its pins held carriers in all, not by its longest pin.", length(site),
                            site.perSecond())
                    : String.format(Locale.ROOT, "Its requests pin too, about %d times a second but %s each: more"
                            + " pins than the site that matters, yet they hold carriers for less time in all. Weigh"
                            + " each site by how long all its pins held carriers, long ones included, not by how"
                            + " many there were.", site.perSecond(), length(site));
        };
    }

    /** A request's length as the lesson writes it: whole milliseconds, or tenths under one. */
    private static String length(Plan.SiteLoad site) {
        return site.micros() % 1_000 == 0 ? site.micros() / 1_000 + " ms"
                : String.format(Locale.ROOT, "%.1f ms", site.micros() / 1_000.0);
    }
}
