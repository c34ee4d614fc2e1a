package lesson6;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;
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

    /** Methods a worker waits in for its next piece of work: it is idle, not stuck. */
    private static final List<String> WAITING_FOR_WORK = List.of(".take(", ".takeFirst(", ".takeLast(");

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
            if (thread.virtual() && !idleConsumer(thread)) {
                ids.add(thread.id());
            }
        }
        return ids;
    }

    /**
     * Whether the thread is a consumer waiting for its next item on a blocking queue: a pool's idle worker. The
     * executor's own bookkeeping does not count as a path to its queue, so such workers can show in the profile.
     */
    private static boolean idleConsumer(ThreadRecord thread) {
        for (String frame : thread.stack()) {
            String method = frame.contains("(") ? frame.substring(0, frame.indexOf('(') + 1) : frame;
            int dot = method.lastIndexOf('.');
            String owner = dot < 0 ? method : method.substring(0, dot);
            if (owner.startsWith("java.util.concurrent.") && (owner.endsWith("Queue") || owner.endsWith("Deque"))
                    && WAITING_FOR_WORK.stream().anyMatch(method::endsWith)) {
                return true;
            }
            if (!Frames.isInfrastructure(frame)) {
                return false;   // reached the application's own code without passing a queue's take
            }
        }
        return false;
    }
}
