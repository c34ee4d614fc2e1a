package lesson1.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How often a page's figures change while this JVM's state changes under it every few milliseconds: a thread
 * blocks on a monitor every {@value #STEP_MILLIS} ms and a quarter of a megabyte more heap is retained, and the page
 * is asked for its figures every millisecond. A page that refreshes every {@code p} ms shows a new value about every
 * {@code p} ms; one that never refreshes shows none.
 */
final class Staleness {

    static final List<String> FIELDS = List.of("liveThreads", "blockedThreads", "heapUsedBytes");
    private static final int STEP_MILLIS = 15;
    private static final int RETAINED_PER_STEP = 256 * 1024;

    /**
     * How one figure changed over the run.
     *
     * @param field           its name in the response
     * @param changes         how many times the page's value changed
     * @param medianGapMillis the median time between two changes; infinite with fewer than two
     */
    record Field(String field, int changes, double medianGapMillis) {}

    private record Response(long nanos, JsonNode body) {}

    private Staleness() {}

    /** Changes the state for {@code millis} while polling the page, and reports how each figure followed. */
    static List<Field> measure(Page page, Function<String, JsonNode> parse, int millis) throws InterruptedException {
        Object monitor = new Object();
        List<Thread> blocked = new ArrayList<>();
        List<byte[]> retained = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        synchronized (monitor) {
            long start = System.nanoTime();
            long nextStep = start;
            for (int poll = 0; System.nanoTime() - start < millis * 1_000_000L; poll++) {
                if (System.nanoTime() >= nextStep) {
                    blocked.add(Thread.ofPlatform().daemon().name("check-blocked-" + blocked.size()).start(() -> {
                        synchronized (monitor) {
                            // Entering is all it does: until the check lets go, the thread stays BLOCKED.
                        }
                    }));
                    retained.add(new byte[RETAINED_PER_STEP]);
                    nextStep += STEP_MILLIS * 1_000_000L;
                }
                responses.add(new Response(System.nanoTime(), parse.apply(page.render("poll-" + poll))));
                Thread.sleep(1);
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
        return fields;
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
        return new Field(field, changes.size(), median);
    }
}
