package lesson1.checks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One random workload for exercise {@code vital-signs}: how many threads of each kind, how much heap is filled
 * before and after the last collection, and how the heap limit is given, so that every figure a wrong answer could
 * report instead of a vital sign differs from it by more than the check's tolerance. See {@link VitalSignsCheck}
 * for which choice defeats which wrong figure.
 */
record VitalsScenario(int daemonSleepers, int otherSleepers, int blockedDaemons, int blockedOthers, int waiting,
                      int shortLived, int retainedBeforeGcMb, int retainedAfterGcMb, int garbageAfterGcMb,
                      int initialHeapMb, HeapLimit limit) {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final int YOUNG_MB = 192;

    /**
     * How the workload's heap limit is given. Every form asks for a size the JVM does not take as it is: it rounds it
     * up to its heap alignment (at least 256 KB here), or derives it from {@code -XX:MaxRAM} when there is no
     * {@code -Xmx}.
     *
     * @param flag      the JVM flag
     * @param requested the limit the flag literally names, in bytes, before the JVM rounds it
     */
    record HeapLimit(String flag, long requested) {}

    static VitalsScenario random(Random random) {
        boolean mostlyDaemons = random.nextBoolean();
        int many = 40 + random.nextInt(17);
        int few = 2 + random.nextInt(4);
        int blockedDaemons = 2 + random.nextInt(4);
        int blockedOthers = 2 + random.nextInt(4);
        int waiting = blockedDaemons + blockedOthers + 2 + random.nextInt(4);
        return new VitalsScenario(mostlyDaemons ? many : few, mostlyDaemons ? few : many,
                blockedDaemons, blockedOthers, waiting, 12 + random.nextInt(9),
                16 + random.nextInt(49), 16 + random.nextInt(33), 16 + random.nextInt(33),
                304 + 16 * random.nextInt(4), heapLimit(random));
    }

    /**
     * A limit of 448 to 704 MB plus 256 to 768 KB, which no heap alignment (1, 2 or 4 MB) leaves as it is: as
     * {@code -Xmx} in kilobytes, as {@code -XX:MaxHeapSize} in bytes, or as four times that in {@code -XX:MaxRAM}
     * (the JVM then takes a quarter), the last only where the machine has the memory for it.
     */
    private static HeapLimit heapLimit(Random random) {
        long kilobytes = (448 + random.nextInt(257)) * KB + 256 + random.nextInt(513);
        long physical = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getTotalMemorySize();
        int forms = physical >= 8 * kilobytes * KB ? 3 : 2;
        return switch (random.nextInt(forms)) {
            case 0 -> new HeapLimit("-Xmx" + kilobytes + "k", kilobytes * KB);
            case 1 -> new HeapLimit("-XX:MaxHeapSize=" + (kilobytes * KB + random.nextInt(1024)), kilobytes * KB);
            default -> new HeapLimit("-XX:MaxRAM=" + 4 * kilobytes * KB, physical / 4);
        };
    }

    /**
     * Flags for the workload's JVM: the Serial collector, not the G1 of the lesson's lab (its heap pools have other
     * names, and its eden and survivor pools carry limits of their own beside the old generation's), and a fixed young
     * generation roomy enough that no collection follows the last.
     */
    List<String> jvmFlags() {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms" + initialHeapMb + "m",
                "-Xmn" + YOUNG_MB + "m", limit.flag());
    }

    /** Arguments for {@link VitalsWorkload}, in the order of its {@link VitalsWorkload.Argument}. */
    String[] workloadArguments() {
        List<String> arguments = new ArrayList<>();
        for (int value : new int[] {daemonSleepers, otherSleepers, blockedDaemons, blockedOthers, waiting, shortLived,
                retainedBeforeGcMb, retainedAfterGcMb, garbageAfterGcMb}) {
            arguments.add(String.valueOf(value));
        }
        return arguments.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Serial GC, %s, -Xms%dm; threads: %d daemon and %d other sleepers, %d+%d"
                        + " blocked, %d waiting, %d short-lived; heap: %d MB before the last collection, %d MB retained"
                        + " and %d MB of garbage after it", limit.flag(), initialHeapMb, daemonSleepers, otherSleepers,
                blockedDaemons, blockedOthers, waiting, shortLived, retainedBeforeGcMb, retainedAfterGcMb,
                garbageAfterGcMb);
    }
}
