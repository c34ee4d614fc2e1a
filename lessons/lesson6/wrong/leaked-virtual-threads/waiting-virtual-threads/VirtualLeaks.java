package lesson6;

import java.util.Set;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

/** Every virtual thread that waits without a time limit: nothing will wake it by itself. */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    public static Set<Long> leaked(Target target) {
        return ThreadSnapshots.dump(target).threads().stream()
                .filter(thread -> thread.virtual() && thread.waitsIndefinitely())
                .map(ThreadRecord::id)
                .collect(Collectors.toSet());
    }
}
