package lesson6;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        return LeakProfile.take(target).leaked().stream()
                .filter(ThreadRecord::virtual)
                .map(ThreadRecord::id)
                .collect(Collectors.toSet());
    }
}
