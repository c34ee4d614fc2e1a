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
 * java -cp benchmarks/target/benchmarks.jar workbench.benchmarks.CpuOverhead 6 3
 * }</pre>
 */
public final class CpuOverhead {

    private static volatile int sink;

    private CpuOverhead() {}

    /** Arguments: rounds (default 6) and seconds per phase (default 3). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long phaseNanos = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3).toNanos();
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        run(phaseNanos, os);   // warm-up, not reported
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double none = run(phaseNanos, os);
            double observed;
            try (Sampler sampler = Sampler.start(Target.current(), Duration.ofMillis(100), 600);
                    JfrStream stream = JfrStream.current()) {
                stream.enable("jdk.GCPhasePause");
                stream.enable("jdk.GarbageCollection");
                stream.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND);
                stream.onEvent(event -> { });
                stream.startAsync();
                run(phaseNanos / 3, os);   // let JFR's start-up work settle
                observed = run(phaseNanos, os);
            }
            ratios.add(observed / none);
            System.out.printf("round %d: none %.1f ops/cpu-ms, sampler+jfr %.1f ops/cpu-ms, ratio %.3f%n",
                    round, none, observed, observed / none);
        }
        ratios.sort(null);
        System.out.printf("median ratio (sampler+jfr / none): %.3f%n", ratios.get(ratios.size() / 2));
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
