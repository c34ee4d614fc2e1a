package lesson4.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import lesson4.OrderService;
import workbench.harness.Feedback;

/**
 * One run of {@link OrderTraffic} against the learner's order service, with what its variables said after each
 * step. Run once and shared by the tests of {@code InstrumentItCheck}; it never judges, the tests do. Before it,
 * an earlier instance of the service runs in the same JVM, takes a few requests and is closed, as a service restarted
 * in place or a second instance in one JVM (a test suite's) does: the run's instance starts from nothing. Another
 * instance stays open beside the run's throughout.
 */
final class OrderScenario {

    private static final String PORTS = "Lesson 4, 'Who may read them': VarsServer.start(vars, 0) takes any free"
            + " port, and the service says which in varsUri()";
    /** Large enough that the server's send buffer and the slow reader's receive buffer cannot hold it. */
    private static final int LARGE_ORDER_CHARS = 8 * 1024 * 1024;
    /** How long a scrape may lag the last answer: counts are written once a response has gone out. */
    private static final long SETTLE_NANOS = 2_000_000_000L;
    private static final int STABLE_SCRAPES = 3;

    /**
     * The open orders after a step, and what the gauge said then.
     *
     * @param after what the step did, in the learner's terms
     * @param open  orders stored
     * @param gauge {@code orders_open} in {@code /metrics}, or null when there was none
     */
    record Checkpoint(String after, int open, Double gauge) {}

    /**
     * What the run did and what the variables said once it was over.
     *
     * @param handled     requests the service handled, answered or abandoned by their client
     * @param abandoned   requests whose client left before its body was sent
     * @param statuses    answers by status code
     * @param waited      seconds the clients waited in all
     * @param paused      seconds the request bodies paused half way, in all
     * @param stalled     seconds a client left a large answer unread, its handler writing meanwhile
     * @param checkpoints the open orders after each step
     * @param metrics     the last {@code /metrics} scrape
     * @param json        the {@code /debug/vars} document, scraped right after it
     * @param earlier     requests the earlier instance handled before it was closed
     * @param earlierOpen orders the earlier instance had stored when it was closed
     * @param earlierVars the earlier instance's variables, and whether they still took connections once it was closed
     */
    record Result(int handled, int abandoned, Map<String, Integer> statuses, double waited, double paused,
                  double stalled, List<Checkpoint> checkpoints, Map<String, Double> metrics, JsonNode json,
                  int earlier, int earlierOpen, URI earlierVars, boolean earlierVarsServing) {}

    private final Random random = new Random();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private OrderTraffic traffic;
    private Scrape scrape;

    static Result run(String revisit) throws Exception {
        return new OrderScenario().runAgainst(revisit);
    }

    private Result runAgainst(String revisit) throws Exception {
        int earlier;
        int earlierOpen;
        URI earlierVars;
        try (OrderService first = new OrderService(); OrderTraffic orders = new OrderTraffic(first.uri())) {
            orders.creates(5 + random.nextInt(6));
            orders.unknownDeletes(1 + random.nextInt(3));
            earlier = orders.handled();
            earlierOpen = orders.open();
            earlierVars = first.varsUri();
        }
        // Asked before the next service binds a port of its own, which could be the same one.
        boolean earlierVarsServing = takesConnections(earlierVars);
        try (OrderService service = new OrderService(); OrderService _ = besideAnother();
             OrderTraffic orders = new OrderTraffic(service.uri());
             Scrape vars = new Scrape(service.varsUri(), revisit)) {
            traffic = orders;
            scrape = vars;
            int posted = 20 + random.nextInt(20);
            traffic.creates(posted);
            checkpoint(posted + " orders posted at once (some with an empty body)");
            traffic.mixed(60 + random.nextInt(60));
            checkpoint("a mix of reads, deletes and wrong methods, sent at once");
            int deleted = Math.max(1, traffic.open() / 3);
            traffic.deletes(deleted);
            checkpoint(deleted + " deletes of stored orders, and nothing else since");
            int unknown = 3 + random.nextInt(5);
            traffic.unknownDeletes(unknown);
            checkpoint(unknown + " deletes of ids that were never stored, all answered 404");
            traffic.pausedCreates(8 + random.nextInt(5), 100 + random.nextInt(60));
            String large = traffic.lateReaderOfALargeOrder(LARGE_ORDER_CHARS, 300 + random.nextInt(50));
            traffic.hangUpOnALargeOrder(large);
            traffic.abandonedCreates(2 + random.nextInt(3));
            traffic.deletes(1 + random.nextInt(3));
            checkpoint("slow and abandoned orders, then a few deletes");
            Map<String, Double> metrics = settled();
            JsonNode json = scrape.json();
            return new Result(traffic.handled(), traffic.abandoned(), traffic.statuses(), traffic.waitedSeconds(),
                    traffic.pausedSeconds(), traffic.stalledSeconds(), List.copyOf(checkpoints), metrics, json,
                    earlier, earlierOpen, earlierVars, earlierVarsServing);
        }
    }

    /**
     * A second instance open beside the run's, as two services of one test suite are: each binds ports of its own,
     * so that a port fixed in the code, free for the first, is taken for the second.
     */
    private static OrderService besideAnother() {
        try {
            return new OrderService();
        } catch (IOException e) {
            throw Feedback.fail("A second OrderService, created in this JVM while another was open, failed to start: "
                    + e + ". Two instances in one process, a test suite's or a restart that overlaps, each need ports"
                    + " of their own.", PORTS);
        }
    }

    private static boolean takesConnections(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkpoint(String after) throws InterruptedException {
        checkpoints.add(new Checkpoint(after, traffic.open(), settled().get("orders_open")));
    }

    /**
     * Scrapes until {@code requests_total} counts every request handled (a response reaches its client a moment
     * before the handler's last increments), or stops changing, or a safety bound passes.
     */
    private Map<String, Double> settled() throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Double> metrics = scrape.metrics();
        int stable = 0;
        while (metrics.getOrDefault("requests_total", -1.0) < traffic.handled() && stable < STABLE_SCRAPES
                && System.nanoTime() - start < SETTLE_NANOS) {
            Thread.sleep(30);
            Map<String, Double> again = scrape.metrics();
            stable = Objects.equals(again.get("requests_total"), metrics.get("requests_total")) ? stable + 1 : 0;
            metrics = again;
        }
        return metrics;
    }
}
