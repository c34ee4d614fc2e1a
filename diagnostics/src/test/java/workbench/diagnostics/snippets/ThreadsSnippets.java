package workbench.diagnostics.snippets;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.PoolNames;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/** Examples in the Javadoc of {@code workbench.diagnostics.threads}. */
public final class ThreadsSnippets {

    private ThreadsSnippets() {}

    public static void printPools() {
        // @start region="snapshot"
        ThreadSnapshot snapshot = ThreadSnapshots.current();
        for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {    // the largest pool first
            System.out.println(pool.key() + " " + pool.count() + " " + pool.states() + " " + pool.blockers());
        }
        System.out.print(snapshot.table(Grouping.POOL));                  // the same as a table
        // @end
    }

    // @start region="sources"
    public static void printThreads(Target target) {
        ThreadSnapshot states = ThreadSnapshots.of(target, 0);     // platform threads, no stacks: cheap to poll
        System.out.println(states.states());                       // {RUNNABLE=6, WAITING=4, TIMED_WAITING=5}
        ThreadSnapshot all = ThreadSnapshots.dump(target);         // virtual threads too, with their executors
        System.out.print(all.table(Grouping.CONTAINER));
    }
    // @end

    public static void printWaiting() {
        // @start region="record"
        for (ThreadRecord thread : ThreadSnapshots.current().threads()) {
            if (thread.waitsIndefinitely() && thread.origin() != null) {     // application code waiting
                System.out.println(thread.name() + " of " + thread.pool() + " runs " + thread.origin()
                        + ", waits on " + thread.blocker());
            }
        }
        // @end
    }

    // @start region="leaks"
    public static List<LeakSuspect> findLeaks(Target target) throws InterruptedException {
        List<ThreadSnapshot> watched =
                LeakFinder.watch(target, 10, Duration.ofMillis(300));     // JSON dumps: virtual threads too
        List<LeakSuspect> leaks = new LeakFinder().find(watched);
        leaks.forEach(System.out::println);   // pool-3-thread-* (pool): 2 -> 9 threads, 8 stuck (7 newly) on ...
        return leaks;
    }
    // @end

    // @start region="profile"
    public static void printLeakedThreads(Target target) throws IOException {
        LeakProfile profile = LeakProfile.take(target);     // a full GC and a heap dump: not for a hot path
        profile.leaked().forEach(thread -> System.out.println(thread.name() + " waits on " + thread.blocker()));
        System.out.println(profile.leakedByPool());         // {pool-3-thread-*=7}
    }
    // @end

    public static List<String> poolsOf() {
        // @start region="pools"
        String pool = PoolNames.pool("pool-3-thread-7");        // "pool-3-thread-*"
        String family = PoolNames.family("pool-3-thread-7");    // "pool-*-thread-*"
        String alone = PoolNames.pool("main");                  // "main"
        // @end
        return List.of(pool, family, alone);
    }
}
