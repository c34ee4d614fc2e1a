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
            if (thread.virtual()) {
                ids.add(thread.id());
            }
        }
        // LeakProfile skips threads parked without a blocker object: it has nothing to trace for them. Such a
        // thread waits without a time limit on nothing anybody holds, so nothing can ever wake it either; add the
        // virtual ones of the same moment's thread dump so the profile's blind spot is covered.
        for (ThreadRecord thread : profile.snapshot().threads()) {
            if (thread.virtual() && thread.state() == Thread.State.WAITING && thread.blocker() == null) {
                ids.add(thread.id());
            }
        }
        return ids;
    }
}
