package workbench.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.target.Target;

/**
 * The sampler + JFR overhead measured by CPU time rather than wall time, for shared machines where
 * other processes make wall-clock throughput too noisy to resolve one percent: the same workload runs
 * with and without observation, alternating in one JVM, and each phase reports work done per CPU
 * second of the whole process (the sampler's and JFR's threads included).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar workbench.benchmarks.CpuOverhead 6 3 sampler+jfr 100
 * }</pre>
 */
public final class CpuOverhead {

    private static volatile int sink;

    private CpuOverhead() {}

    /**
     * Arguments: rounds (default 6), seconds per phase (default 3), what observes ({@code sampler},
     * {@code jfr} or {@code sampler+jfr}, the default) and the sampler's period in ms (default 100).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long phaseNanos = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3).toNanos();
        String observation = args.length > 2 ? args[2] : "sampler+jfr";
        Duration period = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 100);
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        run(phaseNanos, os);   // warm-up, not reported
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double none = run(phaseNanos, os);
            double observed;
            try (Observation ignored = Observation.start(observation, period)) {
                run(phaseNanos / 3, os);   // let JFR's start-up work settle
                observed = run(phaseNanos, os);
            }
            ratios.add(observed / none);
            System.out.printf("round %d: none %.1f ops/cpu-ms, %s %.1f ops/cpu-ms, ratio %.3f%n",
                    round, none, observation, observed, observed / none);
        }
        ratios.sort(null);
        System.out.printf("median ratio (%s every %d ms / none): %.3f%n",
                observation, period.toMillis(), ratios.get(ratios.size() / 2));
    }

    /** The sampler and/or the JFR stream, started and stopped together. */
    private record Observation(Sampler sampler, JfrStream stream) implements AutoCloseable {

        static Observation start(String what, Duration period) {
            Sampler sampler = what.contains("sampler") ? Sampler.start(Target.current(), period, 600) : null;
            JfrStream stream = null;
            if (what.contains("jfr")) {
                stream = JfrStream.current();
                stream.enable("jdk.GCPhasePause");
                stream.enable("jdk.GarbageCollection");
                stream.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND);
                stream.onEvent(event -> { });
                stream.startAsync();
            }
            return new Observation(sampler, stream);
        }

        @Override
        public void close() {
            if (sampler != null) {
                sampler.close();
            }
            if (stream != null) {
                stream.close();
            }
        }
    }

    /** Operations per millisecond of process CPU time. */
    private static double run(long nanos, OperatingSystemMXBean os) {
        long cpuStart = os.getProcessCpuTime();
        long end = System.nanoTime() + nanos;
        long ops = 0;
        int hash = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                hash += Workload.allocationHeavyWork();
            }
            ops += 100;
        }
        sink = hash;
        return ops / ((os.getProcessCpuTime() - cpuStart) / 1e6);
    }
}
