package lesson3.checks;

import java.time.Duration;
import lesson3.demo.Plan;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.harness.Feedback;

/**
 * Why a learner's {@code leakingPool} named the wrong pool, said from what the named pool did while the method
 * ran; never which pool leaks.
 */
final class LeakFeedback {

    static final String COUNT = "Lesson 3, 'A count alone misleads': follow the same threads over time; a leak is"
            + " threads that block and never come back";
    static final String STUCK = "Lesson 3, 'A count alone misleads': a leaked thread waits without a time limit,"
            + " WAITING or BLOCKED, and stays so";
    static final String WOKE = "Lesson 3, 'A count alone misleads': a thread that wakes and waits again is not stuck,"
            + " even on the same kind of blocker; its count of waits shows it woke";
    static final String MOMENTS = "Lesson 3, 'A count alone misleads': a leak's threads get stuck at several"
            + " different moments; a batch that blocks together once is not a leak";
    static final String TARGET = "Lesson 3, 'A census of threads': ThreadSnapshots takes snapshots of any Target,"
            + " such as the one you are handed";
    /** A watch shorter than this cannot see a thread stay stuck for long; the reference watches about 3 s. */
    private static final Duration SHORT_WATCH = Duration.ofMillis(1_500);

    private final Plan plan;
    private final ThreadSnapshot before;
    private final ThreadSnapshot after;
    private final Duration watched;
    private final boolean askedTheTarget;
    private final LeakDetectiveCheck.Twist twist;

    /**
     * @param before         the service's threads just before the learner's method ran
     * @param after          and just after it returned
     * @param watched        how long the method ran
     * @param askedTheTarget whether it asked the Target it was handed for threads
     */
    LeakFeedback(Plan plan, ThreadSnapshot before, ThreadSnapshot after, Duration watched, boolean askedTheTarget,
                 LeakDetectiveCheck.Twist twist) {
        this.plan = plan;
        this.before = before;
        this.after = after;
        this.watched = watched;
        this.askedTheTarget = askedTheTarget;
        this.twist = twist;
    }

    /** Fails with what the pool {@code named} (null for none) did while the learner's method watched. */
    void explain(String named) {
        if (!askedTheTarget) {
            Feedback.fail("Your method " + (named == null ? "found no leak" : "named `" + named + "`") + " without"
                    + " ever asking the Target it was handed for its threads: the service runs in another JVM.",
                    TARGET);
        }
        String shortWatch = watched.compareTo(SHORT_WATCH) < 0 ? " Your method watched for only " + watched.toMillis()
                + " ms: a thread that is stuck for good stays stuck through a watch of seconds, and leaking threads"
                + " join it at several moments." : "";
        if (named == null) {
            noLeak(shortWatch);
        }
        if (!plan.pools().stream().map(Plan::poolKey).toList().contains(named)) {
            Feedback.fail("You named `" + named + "`, which is not one of the service's pools `" + plan.pools()
                    .stream().map(Plan::poolKey).toList() + "`." + shortWatch, COUNT);
        }
        Feedback.fail((plan.leaks() ? "" : "No pool leaks in this run. ") + "You named `" + named + "`, which had "
                + count(before, named) + " threads when your method started and " + count(after, named) + " when it"
                + " returned. " + role(named) + shortWatch, revisit(named));
    }

    private void noLeak(String shortWatch) {
        String leak = "Your method found no leak, in a run where one pool leaks about "
                + Math.round(1000.0 / plan.leakMillis()) + " threads a second.";
        if (!shortWatch.isEmpty()) {
            Feedback.fail(leak + shortWatch, STUCK);
        }
        if (plan.primitive() == Plan.Primitive.MONITOR) {
            Feedback.fail(leak + " Its stuck threads are BLOCKED, each waiting to enter a monitor that is never"
                    + " released.", STUCK);
        }
        String names = twist == LeakDetectiveCheck.Twist.EXECUTOR_PER_LEAK ? " Each of its threads came from an"
                + " executor of its own, whose factory numbered it 0, so they all have one name: only their ids tell"
                + " them apart." : "";
        if (plan.primitive() == Plan.Primitive.LATCH) {
            Feedback.fail(leak + " Its stuck threads are WAITING on latches nobody will count down, the kind of"
                    + " blocker the healthy pools wait on too, for replies that come." + names, COUNT);
        }
        if (plan.primitive() == Plan.Primitive.PARK) {
            Feedback.fail(leak + " Its stuck threads are WAITING, parked without a blocker object: a snapshot names"
                    + " nothing they wait on, yet their count of waits never moves. Only the heap profile needs a"
                    + " blocker; following threads does not.", STUCK);
        }
        String began = twist == LeakDetectiveCheck.Twist.LEAK_WHILE_WATCHED ? " It began leaking as your method"
                + " first asked for threads: none of its threads was there when you began, and every stuck one got"
                + " stuck while you watched, at several moments. A leak needs no old stuck threads to join." : "";
        Feedback.fail(leak + began + " The total thread count went from " + before.count() + " to " + after.count()
                + " while your method ran: another pool shrank faster.", COUNT);
    }

    private String revisit(String named) {
        if (is(plan.chatting(), named)) {
            return WOKE;
        }
        return is(plan.waving(), named) ? MOMENTS : COUNT;
    }

    /** Whether {@code named} is the key of {@code pool}, a pool the run may not have (null). */
    private static boolean is(String pool, String named) {
        return pool != null && named.equals(Plan.poolKey(pool));
    }

    private String role(String named) {
        if (named.equals(Plan.poolKey(plan.steady()))) {
            return "Its threads are the same idle workers from start to end, waiting for work: big and waiting is"
                    + " not leaking.";
        }
        if (is(plan.shrinking(), named)) {
            return "Its threads were released one by one: it only shrank.";
        }
        if (is(plan.warming(), named)) {
            return "It grew steadily, but its threads wait for work with a time limit (TIMED_WAITING), as the idle"
                    + " workers of a pool warming up do: growing is not leaking.";
        }
        if (is(plan.rising(), named)) {
            return "Its traffic rose all along, so ever more of its threads waited without a time limit at once,"
                    + " each since one of the last few snapshots; yet each waited at most " + Plan.LONGEST_REPLY_MILLIS
                    + " ms for a reply that came: more waiting, or a wait that began a moment ago, is not stuck.";
        }
        if (is(plan.chatting(), named)) {
            return "Its new threads waited without a time limit, on the same kind of blocker, in every snapshot; yet"
                    + " each waited at most " + Plan.LONGEST_CHAT_REPLY_MILLIS + " ms for each reply and then"
                    + " waited for the next, so its waited count climbed from snapshot to snapshot: waiting again is"
                    + " not stuck.";
        }
        if (is(plan.waving(), named)) {
            return "Its new threads all blocked at one moment, together, on one latch that lets them go "
                    + Plan.WAVE_HOLD_MILLIS / 1000 + " s later.";
        }
        return "Its threads came in bursts, waited a while, then ran on and ended.";
    }

    private static int count(ThreadSnapshot snapshot, String pool) {
        return snapshot.group(Grouping.POOL, pool).count();
    }
}
