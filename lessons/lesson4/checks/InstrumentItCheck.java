package lesson4.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lesson4.OrderService;
import org.junit.jupiter.api.Test;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code instrument-it}: a random mix of real requests goes to the learner's order
 * service, then its variables are scraped over HTTP, as Prometheus text and as JSON. Every count must match
 * what the service answered exactly, under its Prometheus name, and the variables must be served on loopback.
 */
class InstrumentItCheck {

    private static final String KINDS = "Lesson 4, 'Counters, gauges, histograms, maps'";
    private static final String NAMES = "Lesson 4, 'Names and units': the library adds the suffix, you give the name";
    private static final String EVERY = KINDS + ": count and time every request, whatever it answered";
    private static final String FORMATS = "Lesson 4, 'Two formats': /debug/vars and /metrics serve the same variables";
    private static final String LOOPBACK = "Lesson 4, 'Who may read them'";
    /** How long a scrape may lag the last answer: counts are written once a response has gone out. */
    private static final long SETTLE_NANOS = 2_000_000_000L;

    private final Random random = new Random();

    @Test
    void countsEveryRequestByStatus() throws Exception {
        try (OrderService service = new OrderService(); OrderTraffic traffic = new OrderTraffic(service.uri());
             Scrape scrape = new Scrape(service.varsUri(), LOOPBACK)) {
            traffic.send(150 + random.nextInt(150));
            Map<String, Double> metrics = settled(scrape, traffic.sent());
            for (var status : new TreeMap<>(traffic.statuses()).entrySet()) {
                Double counted = metrics.get("responses_total{key=\"" + status.getKey() + "\"}");
                Feedback.check(counted != null && counted == status.getValue().doubleValue(), "After " + traffic.sent()
                        + " requests, the service had answered " + status.getValue() + " with status "
                        + status.getKey() + "; `/metrics` said `responses_total{key=\"" + status.getKey() + "\"} "
                        + counted + "`.", counted == null ? NAMES : EVERY);
            }
        }
    }

    @Test
    void timesEveryRequest() throws Exception {
        try (OrderService service = new OrderService(); OrderTraffic traffic = new OrderTraffic(service.uri());
             Scrape scrape = new Scrape(service.varsUri(), LOOPBACK)) {
            traffic.send(150 + random.nextInt(150));
            Map<String, Double> metrics = settled(scrape, traffic.sent());
            Double count = metrics.get("request_duration_seconds_count");
            Double inf = metrics.get("request_duration_seconds_bucket{le=\"+Inf\"}");
            Double sum = metrics.get("request_duration_seconds_sum");
            Feedback.check(count != null && inf != null && sum != null, "`/metrics` has no histogram"
                    + " `request_duration_seconds` (its `_bucket`, `_count` and `_sum` lines).", NAMES);
            Feedback.check(count == traffic.sent() && inf == traffic.sent(), "After " + traffic.sent()
                    + " requests, `request_duration_seconds_count` was " + count + ".", EVERY);
            Feedback.check(sum > 0 && sum < traffic.sent(), "After " + traffic.sent() + " requests, each answered"
                    + " within milliseconds, `request_duration_seconds_sum` was " + sum + " seconds.", KINDS
                    + ": a histogram records durations");
        }
    }

    @Test
    void publishesOpenOrders() throws Exception {
        try (OrderService service = new OrderService(); OrderTraffic traffic = new OrderTraffic(service.uri());
             Scrape scrape = new Scrape(service.varsUri(), LOOPBACK)) {
            traffic.send(100 + random.nextInt(100));
            Double gauge = settled(scrape, traffic.sent()).get("orders_open");
            Feedback.check(gauge != null, "`/metrics` has no gauge `orders_open`.", NAMES);
            Feedback.check(gauge == traffic.open(), "With " + traffic.open() + " orders stored, `/metrics` said `orders_open "
                    + gauge + "`.", KINDS + ": a gauge goes up and down");
        }
    }

    @Test
    void servesTheSameVariablesAsJson() throws Exception {
        try (OrderService service = new OrderService(); OrderTraffic traffic = new OrderTraffic(service.uri());
             Scrape scrape = new Scrape(service.varsUri(), LOOPBACK)) {
            traffic.send(100 + random.nextInt(100));
            settled(scrape, traffic.sent());
            JsonNode vars = scrape.json();
            Feedback.check(vars.path("requests").asLong(-1) == traffic.sent(), "After " + traffic.sent()
                    + " requests, `/debug/vars` said `\"requests\": " + vars.path("requests") + "`.", FORMATS);
            Feedback.check(vars.path("request_duration").path("count").asLong(-1) == traffic.sent(), "After "
                    + traffic.sent() + " requests, `/debug/vars` said `\"request_duration\": "
                    + vars.path("request_duration") + "`.", FORMATS);
            Map<String, Integer> statuses = new TreeMap<>();
            vars.path("responses").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asInt()));
            Feedback.check(statuses.equals(new TreeMap<>(traffic.statuses())), "`/debug/vars` said `\"responses\": "
                    + vars.path("responses") + "`, which does not match the statuses the service answered.", FORMATS);
            Feedback.check(vars.path("orders_open").asDouble(-1) == traffic.open(), "With " + traffic.open()
                    + " orders stored, `/debug/vars` said `\"orders_open\": " + vars.path("orders_open") + "`.", FORMATS);
        }
    }

    @Test
    void servesOnLoopbackOnly() throws Exception {
        try (OrderService service = new OrderService()) {
            var base = service.varsUri();
            if (base != null && base.getPort() > 0) {
                List<String> wide = ListeningSockets.nonLoopback(base.getPort()).orElse(List.of());
                Feedback.check(wide.isEmpty(), "The port of your variables, " + base.getPort() + ", listens on "
                        + String.join(" and ", wide) + ": every network interface of the machine, not loopback only.", LOOPBACK);
            }
            new Scrape(base, LOOPBACK).close();
        }
    }

    /**
     * Scrapes until {@code requests_total} reaches the requests sent (a response reaches the client a moment
     * before a handler's last increments), and no longer than a safety bound.
     */
    private static Map<String, Double> settled(Scrape scrape, int sent) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Double> metrics = scrape.metrics();
        while (metrics.getOrDefault("requests_total", -1.0) < sent && System.nanoTime() - start < SETTLE_NANOS) {
            Thread.sleep(20);
            metrics = scrape.metrics();
        }
        Double requests = metrics.get("requests_total");
        if (requests == null) {
            Feedback.fail("`/metrics` has no counter `requests_total`" + (metrics.containsKey("requests")
                    ? "; it has `requests`, with no suffix: that is how a gauge is written." : "."), NAMES);
        }
        Feedback.check(requests == sent, "After " + sent + " requests, `/metrics` said `requests_total " + requests
                + "`.", EVERY);
        return metrics;
    }
}
