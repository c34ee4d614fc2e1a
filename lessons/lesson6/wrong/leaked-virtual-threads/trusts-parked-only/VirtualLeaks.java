package lesson6;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
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
        Set<Long> ids = new HashSet<>();
        for (ThreadRecord thread : profile.leaked()) {
            // The heap dump records the object a parked thread waits on, but not the monitor of synchronized or
            // Object.wait: for those the profile only guesses from the frame's objects. Keep the verdicts it
            // can prove.
            if (thread.virtual() && !waitsOnMonitor(thread)) {
                ids.add(thread.id());
            }
        }
        return ids;
    }

    private static boolean waitsOnMonitor(ThreadRecord thread) {
        return thread.state() == Thread.State.BLOCKED
                || thread.stack().stream().anyMatch(frame -> frame.startsWith("java.lang.Object.wait"));
    }
}
