package lesson6;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code leaked-virtual-threads} (lesson 6): a JVM runs thousands of virtual threads over its life, and
 * some of them will never finish: each waits on a queue, latch or lock that nothing alive can reach any more.
 * Name those, and none of the virtual threads that wait a while and then finish.
 *
 * <p>Try it in the console on the lab JVM ({@code Target.current()}) after starting a few virtual threads of your
 * own. Check it with {@code /check} or {@code ./workbench check leaked-virtual-threads}.
 */
public final class VirtualLeaks {

    /** Leaked virtual threads found by each JVM's one leak profile, by pid: a leaked thread never wakes. */
    private static final Map<Long, Set<Long>> PROFILED = new ConcurrentHashMap<>();

    private VirtualLeaks() {}

    /**
     * The ids ({@link Thread#threadId()}) of the target's leaked virtual threads; an empty set when none is leaked.
     *
     * @param target the JVM to examine, usually another process
     */
    public static Set<Long> leaked(Target target) throws IOException, InterruptedException {
        Set<Long> known = PROFILED.get(target.pid());
        if (known == null) {
            // The heap dump stops the target: do it once per JVM.
            LeakProfile profile = LeakProfile.take(target);
            known = profile.leaked().stream().filter(ThreadRecord::virtual).map(ThreadRecord::id)
                    .collect(Collectors.toUnmodifiableSet());
            PROFILED.put(target.pid(), known);
            return known;
        }
        // Later calls: a JSON thread dump, which stops nobody, confirms that the leaked threads are still there.
        Set<Long> alive = ThreadSnapshots.dump(target).threads().stream().filter(ThreadRecord::virtual)
                .map(ThreadRecord::id).collect(Collectors.toSet());
        return known.stream().filter(alive::contains).collect(Collectors.toUnmodifiableSet());
    }
}
