package lesson3.checks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import workbench.diagnostics.threads.ThreadRecord;

/** Says which threads a quote service left behind, by family, and what usually starts threads of that kind. */
final class ThreadsFeedback {

    private ThreadsFeedback() {
    }

    /**
     * {@code " <lead> `audit` x37 (WAITING), `HttpClient-*-SelectorManager` x12 (RUNNABLE)."} and what such threads
     * suggest; empty when there are none.
     */
    static String describe(String lead, List<ThreadRecord> threads) {
        if (threads.isEmpty()) {
            return "";
        }
        Map<String, List<ThreadRecord>> families = threads.stream()
                .collect(Collectors.groupingBy(ThreadRecord::family, TreeMap::new, Collectors.toList()));
        String list = families.entrySet().stream().map(family -> "`" + family.getKey() + "` x" + family.getValue()
                .size() + " (" + family.getValue().stream().map(thread -> thread.state().toString()).distinct()
                .sorted().collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", "));
        return " " + lead + " " + list + "." + causes(families.keySet(), threads);
    }

    private static String causes(Iterable<String> families, List<ThreadRecord> threads) {
        StringBuilder causes = new StringBuilder();
        // one selector per client: a single shared client is no sign of clients left to the GC
        if (threads.stream().filter(thread -> thread.family().equals("HttpClient-*-SelectorManager")).count() > 1) {
            causes.append(" HttpClient threads outlive a client nobody closed, until a GC happens to collect it.");
        }
        for (String family : families) {
            if (family.equals("pool-*-thread-*")) {
                causes.append(" `pool-*-thread-*` workers belong to executors that nobody shut down.");
                break;
            }
        }
        if (threads.stream().anyMatch(ThreadRecord::virtual)) {
            causes.append(" Virtual threads that wait forever leak as surely as platform ones: ThreadMXBean does not"
                    + " list them, the JSON thread dump does.");
        }
        return causes.toString();
    }
}
