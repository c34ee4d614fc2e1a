package lesson5.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lesson5.demo.WatchedService;
import javax.management.ObjectName;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.target.Target;
import workbench.harness.LabProcess;

/**
 * Runs of {@code watched-service}, each in a JVM of its own, all at once, each watched by a {@link Sampler} for
 * its scene's time, 7.5 s unless a check says otherwise, from at least 3 s after it is ready, at a period each
 * check draws.
 *
 * <p>The runs compress hours into seconds: a live set measured every half second stands for old collections over
 * an hour, a leak of MB a second for MB an hour, a collection just before a quiet window for the last one before
 * a quiet hour. Rates and sizes are scaled together, so the rules of the lesson keep their meaning.
 */
final class WatchedRuns {

    /** How long a sampler reads its run, unless a check says otherwise. */
    static final Duration WINDOW = Duration.ofMillis(7500);
    /**
     * Before it settles, the heap after a collection still climbs towards the service's usual level: its JIT
     * warms up, and attaching adds the JMX connection's objects.
     */
    static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration START = Duration.ofSeconds(45);
    private static final int WARM_UP_READS = 3;
    /**
     * How long before its window opens a run learns when: some events come before the window, such as a cache of
     * hundreds of MB loaded and collected.
     */
    private static final Duration NOTICE = Duration.ofMillis(2000);

    /** A run as the learner's rule sees it: the scene it played, the stopped sampler that watched it. */
    record Watched(Scene scene, Sampler sampler) {

        /** The time between two reads, on average, in ms, from the points' times. */
        long readEveryMillis() {
            TimeSeries threads = sampler.series("jvm.thread.count");
            return Math.round(Floors.seconds(threads) * 1000 / (threads.size() - 1));
        }
    }

    /**
     * A period between the two, drawn per check: one no rule can assume, far enough from the lesson's 100 ms that
     * a clock counted in reads is off, while time read from the points is right.
     */
    static Duration drawPeriod(Random random, int fastestMillis, int slowestMillis) {
        return Duration.ofMillis(random.nextInt(fastestMillis, slowestMillis + 1));
    }

    private WatchedRuns() {
    }

    /**
     * Watches every scene. All windows open at once, after every run has settled and been attached to, so that no
     * JVM starting or attaching competes with the samplers; each run learns in advance when, so that the events
     * of its plan fall where its scene means them to. The samplers read every {@code period}; each is stopped when
     * its scene has been watched long enough, and holds all it read.
     */
    static List<Watched> watch(List<Scene> scenes, Duration period) throws Exception {
        List<LabProcess> labs = new ArrayList<>();
        List<Future<Attached>> attaching = new ArrayList<>();
        ExecutorService attachers = Executors.newFixedThreadPool(scenes.size());
        try {
            for (Scene scene : scenes) {
                LabProcess lab = LabProcess.start(WatchedService.class, scene.flags(), scene.plan().args());
                labs.add(lab);
                attaching.add(attachers.submit(() -> attach(lab)));
            }
            long windowStart = 0;
            for (Future<Attached> attached : attaching) {
                windowStart = Math.max(windowStart, attached.get().settled());
            }
            windowStart = Math.max(windowStart, System.currentTimeMillis() + NOTICE.toMillis());
            for (Future<Attached> attached : attaching) {
                attached.get().target().connection().invoke(new ObjectName(WatchedService.WINDOW_MBEAN), "openAt",
                        new Object[] {windowStart}, new String[] {long.class.getName()});
            }
            sleepUntil(windowStart);
            // All at once: started one after another, the last sampler's first read came 0.8 s after the first's.
            List<Future<Sampler>> starting = new ArrayList<>();
            for (Future<Attached> attached : attaching) {
                Target target = attached.get().target();
                starting.add(attachers.submit(() -> Sampler.start(target, period, 200)));
            }
            List<Sampler> samplers = new ArrayList<>();
            for (Future<Sampler> sampler : starting) {
                samplers.add(sampler.get());
            }
            List<Integer> byEnd = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                byEnd.add(i);
            }
            byEnd.sort(Comparator.comparing(i -> scenes.get(i).watched()));
            for (int i : byEnd) {
                sleepUntil(windowStart + scenes.get(i).watched().toMillis());
                samplers.get(i).close();
            }
            List<Watched> watched = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                watched.add(new Watched(scenes.get(i), samplers.get(i)));
            }
            return watched;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            attachers.shutdownNow();
            for (Future<Attached> attached : attaching) {
                if (attached.state() == Future.State.SUCCESS) {
                    attached.resultNow().target().close();
                }
            }
            labs.forEach(LabProcess::close);
        }
    }

    /** A run attached to, and the moment it has settled. */
    private record Attached(Target target, long settled) {}

    /** Attaches as soon as the run is ready, and reads it a few times. */
    private static Attached attach(LabProcess lab) throws Exception {
        lab.awaitLine(WatchedService.READY::equals, START);
        long settled = System.currentTimeMillis() + SETTLE.toMillis();
        Target target = Target.attach(lab.pid());
        try {
            warmUp(target);
            return new Attached(target, settled);
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /**
     * A few reads before the window, so that the classes and buffers of the JMX connection are in place: the first
     * reads of a new connection load classes in the observed JVM, whose objects would add to its live set in the
     * window.
     */
    private static void warmUp(Target target) {
        try (MetricReader reader = Metrics.reader(target)) {
            for (int i = 0; i < WARM_UP_READS; i++) {
                reader.read();
            }
        }
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        Thread.sleep(Math.max(0, epochMillis - System.currentTimeMillis()));
    }
}
