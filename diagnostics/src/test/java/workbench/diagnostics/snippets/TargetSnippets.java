package workbench.diagnostics.snippets;

import java.io.IOException;
import workbench.diagnostics.target.Target;

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
}
