package lesson4.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lesson4.demo.Plan;

/**
 * The storefront's counters by endpoint, as one scrape shows them since the start, or as the difference of two
 * scrapes shows them over a window; with each endpoint's mean latency since the start.
 *
 * @param tallies     requests and errors by endpoint name, in key order
 * @param meanSeconds mean time to handle a request, by endpoint name
 */
record StoreCounts(Map<String, Tally> tallies, Map<String, Double> meanSeconds) {

    /** One endpoint's requests and errors. */
    record Tally(double requests, double errors) {

        double rate() {
            return requests == 0 ? 0 : errors / requests;
        }
    }

    /** The counts in a {@code /metrics} scrape of the storefront. */
    static StoreCounts scraped(Map<String, Double> metrics, List<String> endpoints) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, Double> means = new LinkedHashMap<>();
        for (String name : endpoints.stream().sorted().toList()) {
            tallies.put(name, new Tally(metrics.getOrDefault("requests_total{key=\"" + name + "\"}", 0.0),
                    metrics.getOrDefault("errors_total{key=\"" + name + "\"}", 0.0)));
            double count = metrics.getOrDefault(name + "_duration_seconds_count", 0.0);
            means.put(name, count == 0 ? 0 : metrics.getOrDefault(name + "_duration_seconds_sum", 0.0) / count);
        }
        return new StoreCounts(tallies, means);
    }

    /**
     * What the plan says a scrape would show after {@code seconds} of traffic at {@code requestsPerSecond}, on top
     * of its past ({@code withPast}), or over a window of that many seconds (without it).
     */
    static StoreCounts expected(Plan plan, double requestsPerSecond, double seconds, boolean withPast) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, Double> means = new LinkedHashMap<>();
        for (Plan.Endpoint endpoint : plan.endpoints().stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            double now = seconds * (endpoint.role() == Plan.Role.BATCHED ? Plan.BATCHED_PER_SECOND
                    : requestsPerSecond * endpoint.share());
            double past = withPast ? plan.pastRequests() * endpoint.pastShare() : 0;
            tallies.put(endpoint.name(), new Tally(past + now,
                    past * endpoint.pastErrorRate() + now * endpoint.errorRate()));
            means.put(endpoint.name(), endpoint.delayMicros() / 1e6);
        }
        return new StoreCounts(tallies, means);
    }

    /** The counts between {@code earlier} and this scrape; latencies stay those since the start. */
    StoreCounts since(StoreCounts earlier) {
        Map<String, Tally> window = new LinkedHashMap<>();
        tallies.forEach((name, now) -> {
            Tally then = earlier.tallies.getOrDefault(name, new Tally(0, 0));
            window.put(name, new Tally(now.requests - then.requests, now.errors - then.errors));
        });
        return new StoreCounts(window, meanSeconds);
    }

    Tally of(String name) {
        return tallies.get(name);
    }

    double requests() {
        return tallies.values().stream().mapToDouble(Tally::requests).sum();
    }

    double errors() {
        return tallies.values().stream().mapToDouble(Tally::errors).sum();
    }
}
