// Wrong answer: fires when more than 100 threads are alive; a busy healthy service always has more than a young leak.
package lesson5;

import workbench.diagnostics.sampling.Sampler;

public final class ThreadClimbAlert {

    private ThreadClimbAlert() {}

    public static boolean firing(Sampler watched) {
        return watched.series("jvm.thread.count").latestValue() > 100;
    }
}
