package lesson4.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Who does what in one run of {@link Storefront}: the endpoints, their share of the traffic, how often each fails
 * now and how often it failed before, and how long each takes. The service has been up a while when the run
 * starts: {@code pastRequests} were served before, when another endpoint was the one failing. Now one endpoint
 * fails far more often than the others; a busy one and a flaky one fail more often in absolute numbers, a quiet
 * one serves fewer requests, a slow one is the slowest, a batched one fails every request between its batches, and a
 * retired one, which clients have moved off, serves none. Drawn at random, so only a measurement finds which.
 *
 * @param endpoints    every endpoint, in an order that says nothing about roles
 * @param pastRequests how many requests the service had served when the run starts
 */
public record Plan(List<Endpoint> endpoints, long pastRequests) {

    /** What an endpoint is there for in a run. */
    public enum Role { FAILING, RECOVERED, BUSY, FLAKY, SLOW, QUIET, BATCHED, RETIRED }

    /**
     * The batched endpoint's traffic, outside the shares: a partner's sync pulls it in pages, {@link #BATCH_SIZE}
     * requests at once every {@link #BATCH_EVERY_MILLIS}, all answered; a misconfigured probe calls it every
     * {@link #PROBE_EVERY_MILLIS} and fails every time. Between batches every request fails; over any two seconds
     * fewer than a fifth do, and over any window shorter than four seconds fewer than 30%.
     */
    public static final int BATCH_SIZE = 100;
    public static final long BATCH_EVERY_MILLIS = 2_000;
    public static final long PROBE_EVERY_MILLIS = 100;
    /** The batched endpoint's requests a second, batches and probes. */
    public static final double BATCHED_PER_SECOND = 1_000.0 * BATCH_SIZE / BATCH_EVERY_MILLIS
            + 1_000.0 / PROBE_EVERY_MILLIS;

    /**
     * One endpoint of the service.
     *
     * @param name          its path, without the slash; also the key of its counts in the service's variables
     * @param role          what it is there for
     * @param share         its share of the requests now, between 0 and 1; 0 for the batched endpoint, whose traffic
     *                      is its own ({@link #BATCHED_PER_SECOND}), and for the retired one, which has none
     * @param pastShare     its share of the requests before the run, between 0 and 1
     * @param errorRate     the share of its requests answered with status 500 now
     * @param pastErrorRate the share of its past requests that were answered with status 500
     * @param delayMicros   how long it works on each request
     */
    public record Endpoint(String name, Role role, double share, double pastShare, double errorRate,
                           double pastErrorRate, long delayMicros) {}

    private static final List<String> NAMES = List.of("cart", "search", "checkout", "profile", "stock", "reviews",
            "coupons", "shipping", "wishlist", "payments", "catalog", "orders");

    public Plan {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * A fresh plan. The failing endpoint fails 36 to 48% of its requests now and almost none before; the recovered
     * one failed up to 50% before, though fewer in number than the busy one, and almost none now. The flaky one
     * fails 18 to 24%, on enough traffic to have 2 to 2.5 times the failing one's errors; the busy one fails 5 to 7%,
     * on enough traffic to have 1.5 to 2 times the flaky one's. The failing one had 2.5 to 3.5 times its share of the
     * traffic before, the others theirs. One or two quiet endpoints get 40 to 60% of the
     * failing one's traffic and fail none of it now; the slow one takes 15 to 25 ms a request, every other one under
     * a millisecond. The batched one had as large a share of the past as the failing one has now, failing as it
     * does now; the retired one had one to two times that share, failing up to 5% of it.
     */
    public static Plan random(Random random) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        List<Draft> drafts = new ArrayList<>();
        double failingWeight = between(random, 4, 7);
        double failingRate = between(random, 0.36, 0.48);
        double flakyRate = between(random, 0.18, Math.min(0.24, failingRate - 0.14));
        double flakyWeight = failingWeight * failingRate * between(random, 2, 2.5) / flakyRate;
        double busyRate = between(random, 0.05, 0.07);
        double busyWeight = flakyWeight * flakyRate * between(random, 1.5, 2) / busyRate;
        drafts.add(new Draft(Role.FAILING, failingWeight, failingRate, between(random, 0, 0.01), fast(random)));
        drafts.add(new Draft(Role.FLAKY, flakyWeight, flakyRate, between(random, 0.01, 0.03), fast(random)));
        drafts.add(new Draft(Role.BUSY, busyWeight, busyRate, busyRate, fast(random)));
        double recoveredWeight = failingWeight * between(random, 1.3, 2.2);
        double recoveredPastRate = Math.min(between(random, 0.3, 0.5), 0.7 * busyWeight * busyRate / recoveredWeight);
        drafts.add(new Draft(Role.RECOVERED, recoveredWeight, between(random, 0, 0.02), recoveredPastRate,
                fast(random)));
        drafts.add(new Draft(Role.SLOW, failingWeight * between(random, 1.4, 2.5), between(random, 0, 0.02),
                between(random, 0, 0.02), 15_000 + random.nextInt(10_000)));
        int quieter = 1 + random.nextInt(2);
        for (int i = 0; i < quieter; i++) {
            drafts.add(new Draft(Role.QUIET, failingWeight * between(random, 0.4, 0.6), 0,
                    between(random, 0, 0.02), fast(random)));
        }
        if (random.nextBoolean()) {
            drafts.add(new Draft(Role.QUIET, failingWeight * between(random, 1.4, 2.5), between(random, 0, 0.02),
                    between(random, 0, 0.02), fast(random)));
        }
        double failingBusierBefore = between(random, 2.5, 3.5);
        double total = drafts.stream().mapToDouble(Draft::weight).sum();
        double retiredPastWeight = failingWeight * between(random, 1, 2);
        double pastTotal = total + (failingBusierBefore - 1) * failingWeight + failingWeight + retiredPastWeight;
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            double pastWeight = draft.weight() * (draft.role() == Role.FAILING ? failingBusierBefore : 1);
            endpoints.add(new Endpoint(names.get(i), draft.role(), draft.weight() / total, pastWeight / pastTotal,
                    draft.errorRate(), draft.pastErrorRate(), draft.delayMicros()));
        }
        double batchedRate = 1_000.0 / PROBE_EVERY_MILLIS / BATCHED_PER_SECOND;
        endpoints.add(new Endpoint(names.get(drafts.size()), Role.BATCHED, 0, failingWeight / pastTotal,
                batchedRate, batchedRate, fast(random)));
        endpoints.add(new Endpoint(names.get(drafts.size() + 1), Role.RETIRED, 0, retiredPastWeight / pastTotal, 0,
                between(random, 0, 0.05), fast(random)));
        Collections.shuffle(endpoints, random);
        return new Plan(endpoints, 60_000 + random.nextInt(60_000));
    }

    /** The endpoint names, in the plan's order. */
    public List<String> names() {
        return endpoints.stream().map(Endpoint::name).toList();
    }

    /** The endpoint with that role (the first, for {@link Role#QUIET}). */
    public Endpoint endpoint(Role role) {
        return endpoints.stream().filter(e -> e.role() == role).findFirst().orElseThrow();
    }

    /** The endpoint of that name. */
    public Endpoint endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static double between(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private static long fast(Random random) {
        return 200 + random.nextInt(700);
    }

    private record Draft(Role role, double weight, double errorRate, double pastErrorRate, long delayMicros) {}
}
