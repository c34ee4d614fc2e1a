package lesson6;

import java.io.IOException;
import java.util.Set;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 *
 * <p>Try it in the console on the lab JVM ({@code Target.current()}) after starting a few virtual threads of your
 * own. Check it with {@code /check} or {@code ./workbench check leaked-virtual-threads}.
 */
public final class VirtualLeaks {

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        // TODO: find the virtual threads blocked on something no live thread can reach (lesson 6, "Leaked virtual
        //  threads"). Waiting a long time is not the same as leaked.
        return Set.of();
    }
}
