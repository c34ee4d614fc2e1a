package lesson6;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;

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
        LeakProfile profile = LeakProfile.take(target);
        Set<Long> ids = new TreeSet<>();
        for (ThreadRecord thread : profile.leaked()) {
            // Blocked forever means blocked on something: a record without a blocker is a thread that waits on
            // nothing the dump could name, which whoever holds its Thread can still wake. Never report one.
            if (thread.virtual() && thread.waitsIndefinitely() && thread.blocker() != null) {
                ids.add(thread.id());
            }
        }
        return ids;
    }
}
