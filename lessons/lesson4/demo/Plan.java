package lesson4.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Who does what in one run of {@link Storefront}: the endpoints, their share of the traffic, how often each
 * fails and how long each takes. One endpoint fails far more often than the others; a busy one fails more
 * often in absolute numbers, a slow one is the slowest. Drawn at random, so only a measurement finds which.
 *
 * @param endpoints every endpoint, in an order that says nothing about roles
 */
public record Plan(List<Endpoint> endpoints) {

    /** What an endpoint is there for in a run. */
    public enum Role { FAILING, BUSY, SLOW, QUIET }

    /**
     * One endpoint of the service.
     *
     * @param name      its path, without the slash; also the key of its counts in the service's variables
     * @param role      what it is there for
     * @param share     its share of the requests, between 0 and 1
     * @param errorRate the share of its requests answered with status 500
     * @param delayMicros how long it works on each request
     */
    public record Endpoint(String name, Role role, double share, double errorRate, long delayMicros) {}

    private static final List<String> NAMES = List.of("cart", "search", "checkout", "profile", "stock", "reviews",
            "coupons", "shipping", "wishlist", "payments", "catalog", "orders");

    public Plan {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * A fresh plan: the failing endpoint gets 5% of the traffic and fails 20 to 35% of it; the busy one gets
     * 55% and fails 5 to 7% of it, so that it has the most errors; the slow one takes 15 to 25 ms.
     */
    public static Plan random(Random random) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                new Endpoint(names.get(0), Role.FAILING, 0.05, 0.20 + random.nextInt(16) / 100.0,
                        300 + random.nextInt(700)),
                new Endpoint(names.get(1), Role.BUSY, 0.55, 0.05 + random.nextInt(3) / 100.0,
                        200 + random.nextInt(300)),
                new Endpoint(names.get(2), Role.SLOW, 0.10, 0.01 + random.nextInt(2) / 100.0,
                        15_000 + random.nextInt(10_000)),
                new Endpoint(names.get(3), Role.QUIET, 0.15, random.nextInt(3) / 100.0, 200 + random.nextInt(800)),
                new Endpoint(names.get(4), Role.QUIET, 0.15, random.nextInt(3) / 100.0, 200 + random.nextInt(800))));
        Collections.shuffle(endpoints, random);
        return new Plan(endpoints);
    }

    /** The endpoint names, in the plan's order. */
    public List<String> names() {
        return endpoints.stream().map(Endpoint::name).toList();
    }

    /** The endpoint with that role (the first, for {@link Role#QUIET}). */
    public Endpoint endpoint(Role role) {
        return endpoints.stream().filter(e -> e.role() == role).findFirst().orElseThrow();
    }
}
