package lesson6.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lesson6.VirtualLeaks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code leaked-virtual-threads}: a fresh JVM ({@link VirtualLeakWorkload}) holds
 * virtual threads blocked forever on primitives nothing alive reaches, among decoys; the learner's set of ids
 * must be exactly the leaked virtual threads, at each of two calls with a second wave of leaks and decoys between.
 *
 * <p>Proxies a learner might use instead of reachability, and what defeats each in every run:
 * <ul>
 *   <li>ThreadMXBean snapshots ({@code ThreadSnapshots.of}): they list no virtual thread, and every leak here is a
 *       virtual thread;</li>
 *   <li>every waiting virtual thread: more virtual threads wait on kept queues, latches and locks than are
 *       leaked, and an idle pool larger than every leak together waits on a queue its executor holds;</li>
 *   <li>waiting for the whole of a watch of a few seconds: the decoys wait for half a minute before they finish;</li>
 *   <li>a blocker class (a SynchronousQueue, a latch, a lock, a future's reply): every class a leak blocks on, a
 *       decoy blocks on too;</li>
 *   <li>a wait for a task or a reply taken for one that must end: some leaked threads wait for a
 *       {@code CompletableFuture} that nothing alive can complete, beside decoys whose future a live thread
 *       completes later;</li>
 *   <li>whole pools or executors: every executor and every named pool with a leak also holds decoys;</li>
 *   <li>consumers waiting in {@code take()} set aside as idle workers: the idle pool's executor also runs
 *       consumers of a queue whose producers are gone, which nothing alive reaches;</li>
 *   <li>a profile taken once per JVM and remembered (a leaked thread stays leaked): the second call comes after
 *       more threads leaked in the same JVM;</li>
 *   <li>an executor that still runs healthy tasks taken for a path to its blocked ones: each executor with leaks
 *       also holds a task sleeping for a minute (a sibling waiting with a time limit reaches nothing its blocked
 *       tasks wait on);</li>
 *   <li>threads that keep joining a group ({@code LeakFinder}): no leak grows while the check runs, and the only
 *       group that keeps starting threads finishes them;</li>
 *   <li>parked threads only, those waiting on a monitor set aside (a heap dump does not record the monitor):
 *       some leaked threads wait in {@code Object.wait} on a monitor nobody else holds, beside decoys that wait on
 *       one of the same class that a live thread notifies later;</li>
 *   <li>a leaked thread required to name its blocker: before the second wave the workload has the JIT compile
 *       {@code Object.wait}, which then keeps no reference to its monitor while it waits, so the JSON thread dump
 *       names no monitor for that wave's waiters in {@code Object.wait}, leaked ones included;</li>
 *   <li>blocked threads taken for contention that ends (only waiting ones judged): some leaked threads are
 *       BLOCKED entering a monitor whose owner, itself leaked, waits forever inside it, beside decoys blocked on
 *       a monitor of the same class that a live thread holds for half a minute;</li>
 *   <li>threads parked without a blocker taken for leaked, since no blocker can be traced: 2 to 4 decoys park
 *       so, held and unparked later by a live thread;</li>
 *   <li>every leaked thread: one leaked thread is a platform thread;</li>
 *   <li>the JVM running the check: it has none of these threads.</li>
 * </ul>
 */
class VirtualLeaksCheck {

    private static final String LEAKS = "Lesson 6, 'Leaked virtual threads'";

    private static LabProcess workload;
    private static Target target;
    private static List<Call> calls;

    /**
     * One call of the learner's method: what was leaked and what only waited when it was made, and what it named.
     *
     * @param before the target's threads just before the call, to describe what was named
     */
    private record Call(String when, Set<Long> leaked, Set<Long> decoys, ThreadSnapshot before, Set<Long> named) {

        /** {@code text}, which starts in lower case, as said of this call: the second call says which it is. */
        String says(String text) {
            return when.isEmpty() ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : when + text;
        }
    }

    /** Two calls on one JVM: a second wave of leaks and decoys starts between them, the first staying leaked. */
    @BeforeAll
    static void startWorkload() throws IOException, InterruptedException {
        workload = LabProcess.start(VirtualLeakWorkload.class, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"),
                Long.toString(new Random().nextLong()));
        Call first = call("", LabProcess.START_UP);
        workload.tell(VirtualLeakWorkload.MORE);
        Call second = call("On a second call, after more threads had leaked in the same JVM, ", Duration.ofSeconds(5));
        calls = List.of(first, second);
    }

    private static Call call(String when, Duration startUp) throws IOException, InterruptedException {
        Set<Long> leaked = ids(workload.awaitLine(l -> l.startsWith(VirtualLeakWorkload.LEAKED), startUp),
                VirtualLeakWorkload.LEAKED);
        Set<Long> decoys = ids(workload.awaitLine(l -> l.startsWith(VirtualLeakWorkload.DECOYS), Duration.ofSeconds(5)),
                VirtualLeakWorkload.DECOYS);
        workload.awaitLine(VirtualLeakWorkload.READY::equals, Duration.ofSeconds(5));
        if (target == null) {
            target = Target.attach(workload.pid());
        }
        ThreadSnapshot before = ThreadSnapshots.dump(target);
        Set<Long> answer = VirtualLeaks.leaked(target);
        return new Call(when, leaked, decoys, before, answer == null ? null : new HashSet<>(answer));
    }

    @AfterAll
    static void stopWorkload() {
        if (target != null) {
            target.close();
        }
        if (workload != null) {
            workload.close();
        }
    }

    @Test
    void namesEveryLeakedVirtualThread() {
        for (Call call : calls) {
            Feedback.check(call.named() != null, call.says("your method returned null instead of a set of thread"
                    + " ids."), LEAKS);
            Set<Long> missed = new HashSet<>(call.leaked());
            missed.removeAll(call.named());
            Set<Long> found = new HashSet<>(call.named());
            found.retainAll(call.leaked());
            Feedback.check(missed.isEmpty(), call.says((call.named().isEmpty() ? "your set was empty"
                    : found.isEmpty() ? "your set named none of the leaked virtual threads"
                    : "your set named " + found.size() + " leaked virtual thread(s), but not all of them")
                    + ", though virtual threads in that JVM are blocked on what no live thread can reach. Those it"
                    + " missed: " + describe(missed, call.before()) + "."), LEAKS
                    + ": which snapshots list virtual threads, and what makes a blocked thread leaked; a leak profile"
                    + " describes the moment it is taken");
        }
    }

    @Test
    void namesNoVirtualThreadThatFinishesNormally() {
        for (Call call : calls) {
            Feedback.check(call.named() != null, call.says("your method returned null instead of a set of thread"
                    + " ids."), LEAKS);
            Set<Long> wrong = new HashSet<>(call.named());
            wrong.removeAll(call.leaked());
            if (wrong.isEmpty()) {
                continue;
            }
            long decoysNamed = wrong.stream().filter(call.decoys()::contains).count();
            long platform = wrong.stream().filter(id -> call.before().threads().stream()
                    .anyMatch(t -> t.id() == id && !t.virtual())).count();
            Feedback.fail(call.says("your set names " + wrong.size() + " thread(s) that are not leaked virtual"
                    + " threads: ") + describe(wrong, call.before()) + ". "
                    + (decoysNamed > 0 ? decoysNamed + " of them wait on a queue, latch or lock that a live thread"
                    + " still holds, are parked for a live thread that holds them to unpark, or sleep: something"
                    + " alive can still wake them. " : "")
                    + (platform > 0 ? platform + " of them are platform threads. " : ""), LEAKS
                    + (decoysNamed == 0 && platform > 0 ? ": the leak profile judges virtual threads, which a"
                    + " snapshot marks as virtual" : ": a thread that waits long is not leaked while something alive"
                    + " can still wake it"));
        }
    }

    /** The threads by pool and blocker, as the snapshot before the learner's call saw them. */
    private static String describe(Set<Long> ids, ThreadSnapshot before) {
        Map<String, Long> byPoolAndBlocker = new TreeMap<>();
        for (Long id : ids) {
            ThreadRecord thread = before.threads().stream().filter(t -> t.id() == id).findFirst().orElse(null);
            String key = thread == null ? "no such thread" : (thread.virtual() ? "virtual " : "platform ")
                    + thread.pool() + " " + thread.state() + " on " + thread.blocker();
            byPoolAndBlocker.merge(key, 1L, Long::sum);
        }
        return byPoolAndBlocker.entrySet().stream().map(e -> e.getValue() + " x `" + e.getKey() + "`")
                .collect(Collectors.joining(", "));
    }

    private static Set<Long> ids(String line, String prefix) {
        String list = line.substring(prefix.length()).trim();
        return list.isEmpty() ? Set.of() : Arrays.stream(list.split(",")).map(Long::valueOf)
                .collect(Collectors.toSet());
    }
}
