package lesson5.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import lesson5.demo.Plan;
import lesson5.demo.WatchedService;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.target.Target;
import workbench.lessons.harness.LabProcess;

/**
 * One leaking and one healthy run of {@code watched-service}, in random order, each in a JVM of its own and
 * watched at the same time by a {@link Sampler} every 100 ms for 7.5 s, after 3 s to settle. The runs use ZGC
 * with a major collection every half second, so that the live set is measured as often as a check needs: in
 * production the same picture takes hours of collections.
 */
final class WatchedRuns {

    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration WINDOW = Duration.ofMillis(7500);
    static final int HEALTHY_HEAP_MB = 512;
    /**
     * Before it settles, the heap after a collection still climbs towards the service's usual level: its JIT
     * warms up, and attaching adds the JMX connection's objects.
     */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /** A run as the learner's rule sees it: the plan it ran, its maximum heap, the stopped sampler that watched it. */
    record Watched(Plan plan, long maxHeapBytes, Sampler sampler) {}

    private WatchedRuns() {
    }

    /**
     * Watches a leaking and a healthy run, shuffled; the samplers are stopped and hold the whole window.
     *
     * @param leakingHeapMb the leaking run's maximum heap; the healthy run's is {@value #HEALTHY_HEAP_MB} MB
     */
    static List<Watched> watch(int leakingHeapMb) throws Exception {
        Random random = new Random();
        List<Plan> plans = new ArrayList<>(List.of(Plan.leaking(random), Plan.healthy(random)));
        Collections.shuffle(plans, random);
        List<Integer> heaps = plans.stream().map(plan -> plan.leaking() ? leakingHeapMb : HEALTHY_HEAP_MB).toList();
        List<LabProcess> labs = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        try {
            for (int i = 0; i < plans.size(); i++) {
                labs.add(LabProcess.start(WatchedService.class, List.of("-Xmx" + heaps.get(i) + "m", "-XX:+UseZGC",
                        "-XX:ZCollectionIntervalMajor=0.5"), plans.get(i).args()));
            }
            for (LabProcess lab : labs) {
                lab.awaitLine(line -> line.equals("watched-service ready"), Duration.ofSeconds(15));
                targets.add(Target.attach(lab.pid()));
            }
            Thread.sleep(SETTLE.toMillis());
            List<Sampler> samplers = new ArrayList<>();
            for (Target target : targets) {
                samplers.add(Sampler.start(target, PERIOD, 200));
            }
            Thread.sleep(WINDOW.toMillis());
            samplers.forEach(Sampler::close);
            List<Watched> watched = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                watched.add(new Watched(plans.get(i), (long) heaps.get(i) << 20, samplers.get(i)));
            }
            return watched;
        } finally {
            targets.forEach(Target::close);
            labs.forEach(LabProcess::close);
        }
    }
}
