package lesson1.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * How often a page's figures change while this JVM's state changes under it every few milliseconds: a thread
 * blocks on a monitor every {@value #STEP_MILLIS} ms and a quarter of a megabyte more heap is retained, and the page
 * is asked for its figures every millisecond. A page that refreshes every {@code p} ms shows a new value about every
 * {@code p} ms; one that never refreshes shows none.
 *
 * <p>Then comes a quiet spell of {@value #MIN_QUIET_MILLIS} to {@value #MAX_QUIET_MILLIS} ms: the state keeps
 * changing every {@value #STEP_MILLIS} ms, but no request comes, as on a service between two visitors. The first
 * request after it must get figures the JVM had at most a refresh period ago; a page that refreshes only when a
 * request finds its values old serves that request the values from before the spell, and one whose timer pauses
 * once no request came for a second or two serves the values from when it paused.
 *
 * <p>From a fifth of the polling until {@value #STILL_AFTER_TURNOVER_MILLIS} ms before its end, short-lived threads
 * come and go as well ({@link ThreadTurnover}): a page whose refresh dies on a thread that ended under it stops
 * changing then, and has stood still for longer than 200 ms when the polling ends.
 *
 * <p>Last, every blocked thread is let go and ends: the page must soon serve no blocked thread.
 */
final class Staleness {

    static final List<String> FIELDS = List.of("liveThreads", "blockedThreads", "heapUsedBytes");
    private static final int STEP_MILLIS = 15;
    private static final int RETAINED_PER_STEP = 256 * 1024;
    /** Longer than a pause a page might take while no request comes ("idle for a second or two"). */
    static final int MIN_QUIET_MILLIS = 2_600;
    static final int MAX_QUIET_MILLIS = 3_200;
    /**
     * The polling goes on this long after the turnover: a refresh that died on its last thread has stood still for
     * longer than the 200 ms promised by the end.
     */
    static final int STILL_AFTER_TURNOVER_MILLIS = 250;
    /** How long the page has to serve no blocked thread once none is left: 200 ms promised, and room to spare. */
    static final int RELEASE_MILLIS = 500;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * How one figure changed over the run.
     *
     * @param field           its name in the response
     * @param changes         how many times the page's value changed
     * @param medianGapMillis the median time between two changes; infinite with fewer than two
     * @param stillMillis     how long before the last poll the value last changed
     */
    record Field(String field, int changes, double medianGapMillis, double stillMillis) {}

    /**
     * The first request after a quiet spell.
     *
     * @param quietMillis    how long no request came while the state changed
     * @param liveThreads    the live thread count the page served then
     * @param ageMillis      how long before that request this JVM last had so few live threads (one of tolerance)
     */
    record AfterQuiet(int quietMillis, long liveThreads, double ageMillis) {}

    /**
     * The page's blocked threads once the check let its own go, all of them.
     *
     * @param released       how many threads were blocked and then let go
     * @param blockedThreads the last blocked thread count the page served, {@value #RELEASE_MILLIS} ms later or
     *                       as soon as it served none
     * @param afterMillis    how long after the threads ended the page served that figure
     */
    record AfterRelease(int released, long blockedThreads, double afterMillis) {}

    /**
     * What {@link #measure} observed: each figure under constant polling, the request after a quiet spell, and the
     * blocked threads once none is left.
     */
    record Result(List<Field> fields, AfterQuiet afterQuiet, AfterRelease afterRelease) {}

    private record Response(long nanos, JsonNode body) {}

    /** This JVM's own live thread count at one moment, read without a safepoint. */
    private record Count(long nanos, long liveThreads) {}

    private Staleness() {}

    /**
     * Changes the state for {@code millis} while polling the page, then for a quiet spell without polling, and
     * reports how each figure followed and how old the figures served after the spell were.
     */
    static Result measure(Page page, Function<String, JsonNode> parse, int millis) throws InterruptedException {
        Object monitor = new Object();
        List<Thread> blocked = new ArrayList<>();
        List<byte[]> retained = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        int quietMillis = MIN_QUIET_MILLIS + new Random().nextInt(MAX_QUIET_MILLIS - MIN_QUIET_MILLIS + 1);
        AfterQuiet afterQuiet;
        try (ThreadTurnover turnover = new ThreadTurnover()) {
            synchronized (monitor) {
                Runnable step = () -> {
                    blocked.add(Thread.ofPlatform().daemon().name("check-blocked-" + blocked.size()).start(() -> {
                        synchronized (monitor) {
                            // Entering is all it does: until the check lets go, the thread stays BLOCKED.
                        }
                    }));
                    retained.add(new byte[RETAINED_PER_STEP]);
                    counts.add(new Count(System.nanoTime(), THREADS.getThreadCount()));
                };
                long start = System.nanoTime();
                long nextStep = start;
                long turnoverStart = start + millis * 1_000_000L / 5;
                long turnoverEnd = start + (millis - STILL_AFTER_TURNOVER_MILLIS) * 1_000_000L;
                for (int poll = 0; System.nanoTime() - start < millis * 1_000_000L; poll++) {
                    if (System.nanoTime() >= turnoverEnd) {
                        turnover.close();
                    } else if (System.nanoTime() >= turnoverStart) {
                        turnover.start();
                    }
                    if (System.nanoTime() >= nextStep) {
                        step.run();
                        nextStep += STEP_MILLIS * 1_000_000L;
                    }
                    responses.add(new Response(System.nanoTime(), parse.apply(page.render("poll-" + poll))));
                    Thread.sleep(1);
                }
                long quietEnd = System.nanoTime() + quietMillis * 1_000_000L;
                nextStep = System.nanoTime();
                while (nextStep < quietEnd) {
                    step.run();
                    nextStep += STEP_MILLIS * 1_000_000L;
                    Thread.sleep(Math.max(0, (Math.min(nextStep, quietEnd) - System.nanoTime()) / 1_000_000L));
                }
                long asked = System.nanoTime();
                long served = parse.apply(page.render("after-quiet")).path("liveThreads").asLong();
                afterQuiet = new AfterQuiet(quietMillis, served, ageOf(served, asked, counts));
            }
        }
        for (Thread thread : blocked) {
            thread.join();
        }
        retained.clear();
        List<Field> fields = new ArrayList<>();
        for (String field : FIELDS) {
            fields.add(follow(field, responses));
        }
        return new Result(fields, afterQuiet, afterRelease(page, parse, blocked.size()));
    }

    /**
     * Polls the page until it serves no blocked thread, for {@value #RELEASE_MILLIS} ms at most: with none left,
     * the catalogue has no {@code blocked} row, and a page that takes that NaN for no reading keeps an old count.
     */
    private static AfterRelease afterRelease(Page page, Function<String, JsonNode> parse, int released)
            throws InterruptedException {
        long start = System.nanoTime();
        long served;
        do {
            served = parse.apply(page.render("after-release")).path("blockedThreads").asLong();
            Thread.sleep(1);
        } while (served != 0 && System.nanoTime() - start < RELEASE_MILLIS * 1_000_000L);
        return new AfterRelease(released, served, (System.nanoTime() - start) / 1e6);
    }

    /**
     * How long before {@code askedNanos} this JVM last ran as few live threads as the page served (one more allowed
     * for a thread of the JVM's own coming or going): zero when the figure is as recent as the latest count.
     */
    private static double ageOf(long served, long askedNanos, List<Count> counts) {
        for (int i = counts.size() - 1; i >= 0; i--) {
            if (counts.get(i).liveThreads() <= served + 1) {
                return i == counts.size() - 1 ? 0 : (askedNanos - counts.get(i + 1).nanos()) / 1e6;
            }
        }
        return (askedNanos - counts.getFirst().nanos()) / 1e6;
    }

    private static Field follow(String field, List<Response> responses) {
        List<Long> changes = new ArrayList<>();
        for (int i = 1; i < responses.size(); i++) {
            if (responses.get(i).body().path(field).asLong() != responses.get(i - 1).body().path(field).asLong()) {
                changes.add(responses.get(i).nanos());
            }
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < changes.size(); i++) {
            gaps.add((changes.get(i) - changes.get(i - 1)) / 1e6);
        }
        gaps.sort(null);
        double median = gaps.isEmpty() ? Double.POSITIVE_INFINITY : gaps.get(gaps.size() / 2);
        long lastChange = changes.isEmpty() ? responses.getFirst().nanos() : changes.getLast();
        return new Field(field, changes.size(), median, (responses.getLast().nanos() - lastChange) / 1e6);
    }
}
