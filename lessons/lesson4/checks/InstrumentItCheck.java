package lesson4.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lesson4.OrderService;
import org.junit.jupiter.api.Test;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code instrument-it}: one run of real requests from four concurrent clients goes to
 * the learner's order service ({@link OrderScenario}), and its variables are scraped over HTTP after each step, as
 * Prometheus text and as JSON. Every count must match what the service answered exactly, under its Prometheus
 * name, and the variables must be served on loopback.
 *
 * <p>Proxies, and the scenario that defeats each in every run:
 * <ul>
 *   <li>counting or timing only where a request ends normally (no {@code finally}, or after the early return of
 *       a 400): clients that leave before their body is sent make the handler throw, and empty orders return
 *       early;</li>
 *   <li>counting successes only: 400, 404 and 405 answers in every step;</li>
 *   <li>a status shared through a field: a large answer is read late by its client, and while its handler waits
 *       to finish writing, requests answered 404, 405 and 400 come and go;</li>
 *   <li>milliseconds, or any unit but seconds: the histogram's sum must lie between the time bodies paused on
 *       purpose and the time the clients waited in all, a thousandfold apart from a sum in milliseconds;</li>
 *   <li>a clock that ticks in milliseconds ({@code currentTimeMillis}, or nanoseconds cut to whole
 *       milliseconds): every duration is a whole number of milliseconds, the longest one too, which a clock in
 *       nanoseconds gives about once in a million runs; and the median recorded is often 0;</li>
 *   <li>bucket bounds written in milliseconds: every request, paused ones included, lands in the first bucket,
 *       while bounds in seconds put the fast requests and the paused ones apart;</li>
 *   <li>bounds fitted to the fast requests only (tens of microseconds to a few milliseconds): the paused ones, 100
 *       ms and more, land beyond the last bound, in {@code +Inf} alone;</li>
 *   <li>timing only the store call, or only {@code respond()}: 8 to 12 order bodies pause 100 to 160 ms half way,
 *       and the sum must reach 80% of those pauses, while the one answer that waits for its reader waits 300 to
 *       350 ms, too little to make up for them;</li>
 *   <li>stopping the clock once the status and headers are sent (time to first byte): that one answer's handler
 *       then waits 300 to 350 ms to finish writing its body, more than any other request takes, and the longest
 *       duration recorded must reach 90% of it;</li>
 *   <li>a gauge kept by events, or set only on create: the open orders are compared after creates, after deletes
 *       with nothing created since, and after deletes of ids that were never stored;</li>
 *   <li>a counter published as a gauge, or names with the suffix: the exact Prometheus names are read;</li>
 *   <li>one registry for the process (static {@code Vars}, as Go's expvar has): before the run, an earlier instance
 *       of the service in the same JVM takes 6 to 13 requests, keeps 4 to 10 orders and is closed, so that counts
 *       carried over and a gauge still reading the earlier instance's orders show;</li>
 *   <li>a status filed only when the handler returns normally: a client hangs up once it has read the status of a
 *       large answer, so writing the body throws after the request was answered;</li>
 *   <li>a status for a request answered nothing (a 500 for a handler that threw, or its code of -1): the handler
 *       throws for clients that leave before sending their body, and the map may hold only statuses the service
 *       answered with;</li>
 *   <li>a vars server left running after {@code close()}, as if a scraper needed it for the last counts: the
 *       earlier instance's variables must take no connection once it is closed;</li>
 *   <li>every interface bound while a loopback address is reported, or the address the host's name resolves to
 *       taken for loopback: the service runs in a JVM of its own whose host name resolves to a network address of
 *       the machine, and the kernel's table of listening sockets says where it listens.</li>
 *   <li><b>a port fixed in the code</b>, so that a scraper knows where to look: another instance stays open beside
 *       the run's, and a port one has bound the other cannot.</li>
 * </ul>
 */
class InstrumentItCheck {

    private static final String KINDS = "Lesson 4, 'Counters, gauges, histograms, maps'";
    private static final String NAMES = "Lesson 4, 'Names and units': the library adds the suffix, you give the name";
    private static final String UNITS = "Lesson 4, 'Names and units': base units, seconds and bytes";
    /** A duration taken from a clock that ticks in milliseconds is a whole number of them. */
    private static final long MILLISECOND = 1_000_000;
    private static final String BOUNDS = "Lesson 4, 'Two formats': bounds span every duration the service has, its"
            + " slow requests too";
    private static final String GRAIN = "Lesson 4, 'Names and units': the unit a histogram writes is not the"
            + " clock's grain";
    private static final String EVERY = KINDS + ": count and time every request in a finally block, whatever it"
            + " answered, even when it throws";
    /** How a sample of the responses map begins in Prometheus text; the status, a quote and a brace follow. */
    private static final String RESPONSES = "responses_total{key=\"";
    private static final String ANSWERED = KINDS + ": a status map counts what each request was answered; one"
            + " answered nothing has no status (its code is -1), though it is counted and timed, and one answered"
            + " before its handler threw keeps its status";
    private static final String EACH_OWN = KINDS + ": a request's status is its own; requests run concurrently";
    private static final String GAUGE = KINDS + ": a gauge says what is there now, computed when read";
    private static final String OWN = KINDS + ": a counter starts from 0 when its service starts, and a gauge reads"
            + " the service it belongs to; two services in one JVM do not share variables";
    private static final String FORMATS = "Lesson 4, 'Two formats': /debug/vars and /metrics serve the same variables";
    private static final String LOOPBACK = "Lesson 4, 'Who may read them'";
    private static final String CLOSE = LOOPBACK + ": the VarsServer is the service's to close, in its close()";
    /** A body that pauses before the handler reads it is timed a little short when the handler starts late. */
    private static final double PAUSES_TIMED = 0.8;
    /** An answer left unread is timed a little short: its handler starts after the client's clock. */
    private static final double STALL_TIMED = 0.9;
    /** Room for the moment between a response reaching its client and the handler's finally block. */
    private static final double WAIT_MARGIN = 1.5;
    private static final double WAIT_SLACK_SECONDS = 0.5;

    private static OrderScenario.Result result;
    private static Throwable failure;

    /** The one run the tests share; a failure to reach the variables fails every test the same way. */
    private static synchronized OrderScenario.Result run() throws Throwable {
        if (result == null && failure == null) {
            try {
                result = OrderScenario.run(LOOPBACK);
            } catch (Throwable e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Test
    void countsEveryRequestByStatus() throws Throwable {
        OrderScenario.Result run = run();
        Double requests = requestsTotal(run);
        boolean carried = requests == run.handled() + run.earlier();
        Feedback.check(requests == run.handled(), String.format(Locale.ROOT, "The service handled %d requests: it"
                + " answered %d (by status: %s), and the handler threw for %d whose client left before sending its"
                + " body. `/metrics` said `requests_total %.0f`.%s", run.handled(), run.handled() - run.abandoned(),
                new TreeMap<>(run.statuses()), run.abandoned(), requests, carried ? String.format(Locale.ROOT,
                " Before it started, another OrderService in this JVM handled %d requests and was closed.",
                run.earlier()) : ""), carried ? OWN : EVERY);
        boolean misfiled = run.statuses().entrySet().stream()
                .anyMatch(status -> run.metrics().getOrDefault(responses(status.getKey()), 0.0) > status.getValue());
        for (var status : new TreeMap<>(run.statuses()).entrySet()) {
            Double said = run.metrics().get(responses(status.getKey()));
            if (said == null || said != status.getValue().doubleValue()) {
                String observed = String.format(Locale.ROOT, "The service answered %d requests with status %s;"
                        + " `/metrics` said `%s %s`.", status.getValue(), status.getKey(), responses(status.getKey()),
                        said == null ? "nothing" : String.format(Locale.ROOT, "%.0f", said));
                if (misfiled) {
                    Feedback.fail(observed + " Some requests were counted under a status they were not answered"
                            + " with: while one large answer was still being written, other requests were answered"
                            + " 404, 405 and 400, and " + run.abandoned() + " requests were never answered, their"
                            + " client having left.", EACH_OWN);
                }
                if (status.getKey().equals("200") && said != null && said == status.getValue() - 1) {
                    Feedback.fail(observed + " One of them went to a client that hung up as soon as it had read the"
                            + " status of a large answer, so that writing the body threw: it was answered all the"
                            + " same.", ANSWERED);
                }
                Feedback.fail(observed, said == null && run.metrics().keySet().stream()
                        .noneMatch(sample -> sample.startsWith("responses_total{")) ? NAMES : EVERY);
            }
        }
        run.metrics().forEach((sample, value) -> {
            if (sample.startsWith(RESPONSES) && value > 0 && !run.statuses().containsKey(status(sample))) {
                Feedback.fail(String.format(Locale.ROOT, "The service answered no request with that status;"
                        + " `/metrics` said `%s %.0f`. It answered %s, and %d requests were answered nothing: their"
                        + " client left before sending its body, and the handler threw.", sample, value,
                        new TreeMap<>(run.statuses()), run.abandoned()), ANSWERED);
            }
        });
    }

    @Test
    void timesEveryRequestInSeconds() throws Throwable {
        OrderScenario.Result run = run();
        requestsTotal(run);
        Double count = run.metrics().get("request_duration_seconds_count");
        Double inf = run.metrics().get("request_duration_seconds_bucket{le=\"+Inf\"}");
        Double sum = run.metrics().get("request_duration_seconds_sum");
        Feedback.check(count != null && inf != null && sum != null, "`/metrics` has no histogram"
                + " `request_duration_seconds` (its `_bucket`, `_count` and `_sum` lines).", NAMES);
        double most = run.waited() * WAIT_MARGIN + WAIT_SLACK_SECONDS;
        Feedback.check(sum <= most, String.format(Locale.ROOT, "The clients waited %.2f s in all for their answers,"
                + " and no request takes longer to handle than its client waits; `request_duration_seconds_sum` was"
                + " %.2f, as if its durations were in a smaller unit than seconds.", run.waited(), sum), UNITS);
        double least = run.paused() * PAUSES_TIMED;
        Feedback.check(sum >= least, String.format(Locale.ROOT, "Some order bodies paused half way, %.2f s in all,"
                + " while their handlers waited to read them; `request_duration_seconds_sum` was %.2f s. Time all"
                + " that a request does, from the moment the handler starts, reading its body included.",
                run.paused(), sum), EVERY);
        double longest = run.json().path("request_duration").path("max_seconds").asDouble();
        Feedback.check(longest >= run.stalled() * STALL_TIMED, String.format(Locale.ROOT, "One client read the"
                + " head of a large answer and left its body unread for %.2f s, so its handler waited that long to"
                + " finish writing it; the longest request recorded (`max_seconds` in `/debug/vars`) took %.2f s."
                + " Time all that a request does, from the moment the handler starts until its answer is written.",
                run.stalled(), longest), EVERY);
        Feedback.check(count == run.handled() && inf == run.handled(), String.format(Locale.ROOT, "The service"
                + " handled %d requests, %d of them abandoned by their client half way, so that the handler threw;"
                + " `request_duration_seconds_count` was %.0f.", run.handled(), run.abandoned(), count), EVERY);
    }

    @Test
    void timesWithAClockFinerThanTheRequests() throws Throwable {
        OrderScenario.Result run = run();
        JsonNode duration = run.json().path("request_duration");
        JsonNode median = duration.path("p50_seconds");
        JsonNode longest = duration.path("max_seconds");
        Feedback.check(median.isNumber() && longest.isNumber(), "`/debug/vars` has no histogram `request_duration`"
                + " with its percentiles.", NAMES);
        Feedback.check(median.asDouble() > 0, String.format(Locale.ROOT, "Half the %d requests or more were"
                + " recorded as taking no time at all (`p50_seconds` %s in `/debug/vars`), though each was read,"
                + " routed and answered.", run.handled(), median.asText()), GRAIN);
        long longestNanos = Math.round(longest.asDouble() * 1e9);
        Feedback.check(longestNanos % MILLISECOND != 0, String.format(Locale.ROOT, "The longest of the %d requests"
                + " was recorded as %s s (`max_seconds` in `/debug/vars`), a whole number of milliseconds to the"
                + " nanosecond.", run.handled(), longest.asText()), GRAIN);
    }

    /**
     * Most requests take well under 50 ms and a dozen pause 100 ms or more: bounds in seconds put some between the
     * two, bounds written in milliseconds put every request in the first bucket; and bounds that end below the
     * slow ones leave those in {@code +Inf} alone, where no percentile can be read.
     */
    @Test
    void bucketsTellFastRequestsFromSlowOnes() throws Throwable {
        OrderScenario.Result run = run();
        String prefix = "request_duration_seconds_bucket{le=\"";
        TreeMap<Double, Double> finite = new TreeMap<>();
        run.metrics().forEach((sample, value) -> {
            if (sample.startsWith(prefix) && !sample.contains("+Inf")) {
                finite.put(Double.parseDouble(sample.substring(prefix.length(), sample.length() - 2)), value);
            }
        });
        double count = run.handled();
        Feedback.check(finite.values().stream().anyMatch(below -> below >= count / 2 && below < count),
                String.format(Locale.ROOT, "Most of the %d requests took a few milliseconds and some paused 100 ms or"
                        + " more, yet no bucket of `request_duration_seconds` held half of them or more without"
                        + " holding them all: its bounds were %s.", run.handled(), finite.keySet()), UNITS);
        Double inf = run.metrics().get("request_duration_seconds_bucket{le=\"+Inf\"}");
        double beyond = inf == null ? 0 : inf - finite.lastEntry().getValue();
        Feedback.check(beyond == 0, String.format(Locale.ROOT, "Of the %d requests, %.0f took longer than the last"
                + " bound of `request_duration_seconds` (its bounds were %s), the ones whose bodies paused 100 ms or"
                + " more among them: only `+Inf` counted them, so a percentile that falls among them reads as that"
                + " last bound, however slow they were.", run.handled(), beyond, finite.keySet()), BOUNDS);
    }

    @Test
    void publishesOpenOrders() throws Throwable {
        OrderScenario.Result run = run();
        for (OrderScenario.Checkpoint checkpoint : run.checkpoints()) {
            Feedback.check(checkpoint.gauge() != null, "`/metrics` has no gauge `orders_open`.", NAMES);
            // at the first checkpoint, a gauge of the earlier instance's orders is told from a gauge gone wrong
            boolean earlier = checkpoint == run.checkpoints().getFirst() && checkpoint.gauge() == run.earlierOpen();
            Feedback.check(checkpoint.gauge() == checkpoint.open(), String.format(Locale.ROOT, "After %s, with %d"
                    + " orders stored, `/metrics` said `orders_open %.0f`.%s", checkpoint.after(), checkpoint.open(),
                    checkpoint.gauge(), earlier ? String.format(Locale.ROOT, " An earlier OrderService in this JVM,"
                    + " closed before this one started, had %d orders stored.", run.earlierOpen()) : ""),
                    earlier ? OWN : GAUGE);
        }
    }

    @Test
    void servesTheSameVariablesAsJson() throws Throwable {
        OrderScenario.Result run = run();
        Map<String, Double> metrics = run.metrics();
        JsonNode json = run.json();
        same(json.path("requests"), metrics, "requests_total", "requests");
        same(json.path("request_duration").path("count"), metrics, "request_duration_seconds_count",
                "request_duration");
        same(json.path("orders_open"), metrics, "orders_open", "orders_open");
        Map<String, Double> inJson = new TreeMap<>();
        json.path("responses").properties().forEach(e -> inJson.put(e.getKey(), e.getValue().asDouble()));
        Map<String, Double> inText = new TreeMap<>();
        metrics.forEach((sample, value) -> {
            if (sample.startsWith(RESPONSES)) {
                inText.put(status(sample), value);
            }
        });
        Feedback.check(!inText.isEmpty(), "`/metrics` has no counter `responses_total` with a `key` label.", NAMES);
        Feedback.check(inJson.equals(inText), "`/debug/vars` said `\"responses\": " + json.path("responses")
                + "` while `/metrics` said " + inText + " for `responses_total`, right after it.", FORMATS);
    }

    @Test
    void stopsServingItsVariablesWhenClosed() throws Throwable {
        OrderScenario.Result run = run();
        Feedback.check(!run.earlierVarsServing(), "The check closed an earlier OrderService in this JVM, and its"
                + " variables (port " + run.earlierVars().getPort() + ") still took connections afterwards: every"
                + " service a JVM creates and closes leaves a server and its threads behind.", CLOSE);
    }

    @Test
    void servesOnLoopbackOnly() throws Exception {
        try (LabProcess service = LabProcess.start(HostNamedService.class, HostNamedService.flags())) {
            String serving = service.awaitLine(line -> line.startsWith(HostNamedService.SERVING), LabProcess.START_UP);
            String uri = serving.substring(HostNamedService.SERVING.length());
            URI base = uri.equals("null") ? null : URI.create(uri);
            if (base != null && base.getPort() > 0) {
                List<String> wide = ListeningSockets.nonLoopback(base.getPort()).orElse(List.of());
                String where = wide.stream().anyMatch(ListeningSockets::any) ? "every network interface of the machine"
                        : "a network address of the machine, the one its name resolves to";
                Feedback.check(wide.isEmpty(), "In a JVM whose host name resolves to a network address of the"
                        + " machine, as on most servers, the port of your variables, " + base.getPort()
                        + ", listens on " + String.join(" and ", wide) + ": " + where + ", not loopback only.",
                        LOOPBACK);
            }
            new Scrape(base, LOOPBACK).close();
        }
    }

    private static Double requestsTotal(OrderScenario.Result run) {
        Double requests = run.metrics().get("requests_total");
        if (requests == null) {
            Feedback.fail("`/metrics` has no counter `requests_total`" + (run.metrics().containsKey("requests")
                    ? "; it has `requests`, with no suffix: that is how a gauge is written." : "."), NAMES);
        }
        return requests;
    }

    /** The status of a sample of the responses map: {@code 404} of {@code responses_total{key="404"}}. */
    private static String status(String sample) {
        return sample.substring(RESPONSES.length(), sample.length() - 2);
    }

    private static String responses(String status) {
        return RESPONSES + status + "\"}";
    }

    /** The JSON value must be the one in the Prometheus text scraped right before it. */
    private static void same(JsonNode json, Map<String, Double> metrics, String sample, String variable) {
        Double text = metrics.get(sample);
        Feedback.check(text != null, "`/metrics` has no `" + sample + "`.", NAMES);
        Feedback.check(json.isNumber() && json.asDouble() == text, "`/debug/vars` said `\"" + variable + "\": " + json
                + "` while `/metrics` said `" + sample + " " + text + "`, right after it.", FORMATS);
    }
}
