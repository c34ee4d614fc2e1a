package lesson3.checks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import workbench.diagnostics.threads.ThreadRecord;

/** Says which threads a quote service left behind, by family, and what usually starts threads of that kind. */
final class ThreadsFeedback {

    private static final String CLIENT = "HttpClient-";
    private static final String SELECTOR = CLIENT + "*-SelectorManager";
    private static final String POOL_WORKER = "pool-*-thread-*";

    private ThreadsFeedback() {
    }

    /**
     * {@code " <lead> `audit` x37 (WAITING), `HttpClient-*-SelectorManager` x12 (RUNNABLE)."} and what such threads
     * suggest while the service runs; empty when there are none.
     */
    static String describe(String lead, List<ThreadRecord> threads) {
        return describe(lead, threads, false);
    }

    /** The same for threads still alive after the service's close() returned, with what close() left undone. */
    static String afterClose(List<ThreadRecord> threads) {
        return describe("By family:", threads, true);
    }

    private static String describe(String lead, List<ThreadRecord> threads, boolean closed) {
        if (threads.isEmpty()) {
            return "";
        }
        Map<String, List<ThreadRecord>> families = threads.stream()
                .collect(Collectors.groupingBy(ThreadRecord::family, TreeMap::new, Collectors.toList()));
        String list = families.entrySet().stream().map(family -> "`" + family.getKey() + "` x" + family.getValue()
                .size() + " (" + family.getValue().stream().map(thread -> thread.state().toString()).distinct()
                .sorted().collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", "));
        return " " + lead + " " + list + "." + clients(threads, closed) + pools(families, closed)
                + (closed ? waiters(families) : "") + virtuals(threads);
    }

    private static String clients(List<ThreadRecord> threads, boolean closed) {
        if (closed) {
            return threads.stream().anyMatch(thread -> thread.family().startsWith(CLIENT)) ? " An HttpClient's"
                    + " threads end when the client is closed (`close()`, JDK 21 and later); left open, they run"
                    + " until a GC happens to collect it." : "";
        }
        // one selector per client: a single shared client is no sign of clients left to the GC
        long selectors = threads.stream().filter(thread -> thread.family().equals(SELECTOR)).count();
        return selectors > 1 ? " HttpClient threads outlive a client nobody closed, until a GC happens to collect"
                + " it." : "";
    }

    private static String pools(Map<String, List<ThreadRecord>> families, boolean closed) {
        List<ThreadRecord> workers = families.getOrDefault(POOL_WORKER, List.of());
        if (workers.isEmpty()) {
            return "";
        }
        if (closed) {
            // an idle worker waits in the executor's own frames; one that runs a task has the task's frames
            String task = workers.stream().map(ThreadRecord::origin).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (task != null) {
                return " `" + POOL_WORKER + "` workers still run a task of yours (`" + task + "`) that never"
                        + " returns: shutdown() lets a running task finish, and a task that waits for work never does.";
            }
        }
        return " `" + POOL_WORKER + "` workers belong to executors that nobody shut down.";
    }

    private static String waiters(Map<String, List<ThreadRecord>> families) {
        boolean ownThreadWaits = families.entrySet().stream()
                .filter(family -> !family.getKey().equals(POOL_WORKER) && !family.getKey().startsWith(CLIENT))
                .flatMap(family -> family.getValue().stream())
                .anyMatch(thread -> !thread.virtual() && thread.waitsIndefinitely());
        return ownThreadWaits ? " A thread that waits for work ends only if close() tells it to stop and it leaves"
                + " its loop when told; an interrupt caught inside the loop, followed by another wait, is lost." : "";
    }

    private static String virtuals(List<ThreadRecord> threads) {
        return threads.stream().anyMatch(ThreadRecord::virtual) ? " Virtual threads that wait forever leak as surely"
                + " as platform ones: ThreadMXBean does not list them, the JSON thread dump does." : "";
    }
}
