package workbench.diagnostics.snippets;

import java.io.IOException;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.target.TargetGoneException;

/** Examples in the Javadoc of {@code workbench.diagnostics.target}. */
public final class TargetSnippets {

    private TargetSnippets() {}

    // @start region="targets"
    public static void printThreadCounts(long pid) throws IOException {
        Target self = Target.current();                                   // this JVM; never needs closing
        System.out.println(self.displayName() + ": " + self.threads().getThreadCount() + " threads");
        try (Target lab = Target.attach(pid)) {                           // another local JVM of this user
            System.out.println(lab.displayName() + ": " + lab.threads().getThreadCount() + " threads");  // over JMX
        }
    }
    // @end

    // @start region="gone"
    public static void watchUntilGone(Target lab) throws InterruptedException {
        try {
            while (true) {
                System.out.println(lab.memory().getHeapMemoryUsage().getUsed() + " bytes of heap in use");
                Thread.sleep(1_000);
            }
        } catch (TargetGoneException gone) {
            System.out.println("JVM " + gone.pid() + " has gone away");
        }
    }
    // @end
}
