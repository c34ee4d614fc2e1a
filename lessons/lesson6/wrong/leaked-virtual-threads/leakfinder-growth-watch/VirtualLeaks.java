/*
 * Misconception: leaked virtual threads are found the way lesson 3 found leaked pools: watch a few JSON thread
 * dumps, let LeakFinder name the groups (executors) whose threads keep getting stuck and grow, and report the
 * threads of those groups that are stuck on the suspect's blocker.
 * Why a learner would believe it: lesson 6 says, word for word, "the leak finder watches JSON dumps when virtual
 * threads matter: LeakFinder.watch(target, 10, Duration.ofMillis(300)) takes them", and groups unnamed virtual
 * threads by the executor that started them. LeakFinder already follows threads by id, needs them stuck for the
 * last third of the watch, and ignores batches that block at one moment, so it seems to do everything a leak
 * detector should.
 * What is actually right: growth over a three-second watch says nothing about forever. Threads that leaked before
 * the watch began make no group grow and are missed; virtual threads that a live executor keeps starting, each
 * waiting half a minute on the same kind of primitive, grow and stay stuck through the watch and are named. The
 * question is reachability: LeakProfile.take(target).leaked(), virtual() ones, by id().
 */
package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;

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
        // JSON dumps, not ThreadMXBean: only they list virtual threads, keyed by the executor that started them.
        List<ThreadSnapshot> series = LeakFinder.watch(target, 10, Duration.ofMillis(300));
        // Default thresholds: at least 3 threads born and stuck while watched, at 3 distinct moments, so a batch
        // that blocks together on one latch and goes together later is not taken for a leak.
        List<LeakSuspect> suspects = new LeakFinder().find(series);

        Set<Long> leaked = new TreeSet<>();
        ThreadSnapshot last = series.getLast();
        for (LeakSuspect suspect : suspects) {
            for (ThreadRecord thread : last.threads()) {
                if (thread.virtual() && thread.waitsIndefinitely()
                        && Objects.equals(thread.blocker(), suspect.blocker())
                        && suspect.grouping().keyOf(thread).equals(suspect.group())) {
                    leaked.add(thread.id());
                }
            }
        }
        return leaked;
    }
}
