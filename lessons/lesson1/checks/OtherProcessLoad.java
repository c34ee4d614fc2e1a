package lesson1.checks;

import java.util.List;
import workbench.harness.LabProcess;

/**
 * Another process that keeps every processor of the machine busy while it runs: the machine is then fully loaded
 * while the check's own JVM computes nothing, so the machine's load, whatever figure a page takes for it, no longer
 * stands for the process's.
 */
public final class OtherProcessLoad {

    static final String SPINNING = "spinning";

    private OtherProcessLoad() {
    }

    /** Starts the process and returns once it spins; closing the {@link LabProcess} stops it. */
    static LabProcess start() {
        LabProcess load = LabProcess.start(OtherProcessLoad.class, List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"));
        load.awaitLine(SPINNING::equals, LabProcess.START_UP);
        return load;
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            });
        }
        System.out.println(SPINNING);
        // Until the check closes the process; if the check goes first, the process goes with it (OrphanGuard).
        Thread.sleep(Long.MAX_VALUE);
    }
}
