package lesson6;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;

/** Every thread the leak profile reports. */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    public static Set<Long> leaked(Target target) throws IOException {
        return LeakProfile.take(target).leaked().stream().map(ThreadRecord::id).collect(Collectors.toSet());
    }
}
