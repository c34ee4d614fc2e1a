package lesson1.checks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lesson1.SafepointDetective;
import lesson1.demo.Endpoint;
import lesson1.demo.MysteryService;
import lesson1.demo.RuntimeRead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.checks.HandedTarget;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code safepoint-detective}: a fresh JVM runs two services ({@link MysteryService}),
 * each with fresh opaque names over seven endpoints, one of which stops the world on every call: once in the first
 * service, two to four times in the second. The learner's code must name that one, twice. The idea taught: a
 * culprit is recognised by safepoints <em>per call</em> in the service's JVM, the most of any endpoint, one or more,
 * where everything else stops the world only now and then.
 *
 * <p>Proxies a learner might use instead, and the scenario that defeats each in every run:
 * <ul>
 *   <li><b>the slowest endpoint</b>: a busy-work endpoint is 25 to 45 ms slower than the culprit per call and never
 *       stops the world itself.</li>
 *   <li><b>the second slowest</b> ("the slowest is the decoy"): a second decoy is 10 to 20 ms slower than the
 *       culprit, so the culprit is never better than third.</li>
 *   <li><b>the first endpoint that showed any safepoint</b> over a few calls: an endpoint that allocates 40% of the
 *       young generation per call (a collection at least every third call) is always listed before the culprit, so
 *       is one of two that fill the old generation (a full collection on two calls of three), and a watchdog thread
 *       in the service takes a thread dump every 250 to 400 ms whatever is being called.</li>
 *   <li><b>safepoints per second</b>: the churning endpoint answers in a few milliseconds and collects every second
 *       or third call, well over 100 safepoints a second; the culprit also does 15 to 25 ms of work per call, which
 *       keeps it under 70.</li>
 *   <li><b>time stopped</b> rather than the count: in the first service, an endpoint that fills the old generation
 *       brings a full
 *       collection on two calls of three, together over twice as long as twenty of the culprit's stops, even a full
 *       thread dump's heap walk (measured: 65 to 165 ms against 20 to 40 ms).</li>
 *   <li><b>the median call's count</b> (the typical call, outliers set aside): the endpoints that fill the old
 *       generation stop the world on two calls of three, so their median call shows one, as the first service's
 *       culprit's does; one is listed before the culprit and one after, so the first of equals and the last of
 *       equals both name a decoy. Over all their calls they bring about two stops for three calls.</li>
 *   <li><b>the worst single call</b> (the most safepoints any one call brought): every tenth call of the churning
 *       endpoint builds a batch of 3.5 young generations, three collections or more within that call, while the
 *       culprit's calls bring one each (two when the watchdog strikes during one); on average the churning endpoint
 *       stays near 0.7 per call.</li>
 *   <li><b>one call of each endpoint</b> ("every call of the culprit stops the world, so one shows it"): the
 *       churning endpoint, always listed before the culprit, builds its batch on its first call, so a single call
 *       of it shows three safepoints or more against the first service's culprit's one (two when the watchdog
 *       strikes during it), and the first of the endpoints with the most is the churning one.</li>
 *   <li><b>the most per call among the stretches of calls that saw no collection</b> ("a collection is the
 *       collector's doing"): the second service's culprit allocates 40% of the young generation on every call, so
 *       any three of its calls in a row bring a collection.</li>
 *   <li><b>short stops only</b> ("a long stop is a collection, the collector's doing, not the endpoint's"): the
 *       second service's culprit asks for a full collection itself ({@code MemoryMXBean.gc()} before it reads heap
 *       usage, as some health checks do), so every one of its stops is as long as a collection's.</li>
 *   <li><b>a rate near one per call</b> (the figure the lesson's first measurement shows): the second service's
 *       culprit reads two to four times per call, so its rate is two or more, and the churning endpoint's 0.7 lies
 *       nearer one.</li>
 *   <li><b>the rate nearest a whole number</b> ("one stop per read, and collections only add a fraction"): the
 *       second service's culprit reads two and three times in turn (or three and four), so its rate lies half way
 *       between two whole numbers, and the churning endpoint's 0.7 lies nearer one.</li>
 *   <li><b>the learner's own JVM</b> ({@code Safepoints.current()}): while the learner's code runs, this JVM stops
 *       itself every 25 ms, so a count taken here follows the time spent calling, and points at the busy work.</li>
 *   <li><b>a name remembered from another run</b>: names and roles are drawn afresh for every service.</li>
 * </ul>
 * The service's Target is handed to the learner's code and must still answer when that code returns: the caller
 * attached it, so the caller closes it.
 *
 */
class SafepointDetectiveCheck {

    private static final String STOPS = "Lesson 1, page 'What stops the world': slow is not the same as stopped;"
            + " count the safepoints of the service's JVM per call";
    private static final String PER_CALL = "Lesson 1, page 'What stops the world': a collection can stop the world"
            + " during any endpoint's calls, the culprit's too; look for the most safepoints per call, one or more,"
            + " not for more than zero, not for a rate per second, not for the longest time stopped, not for short"
            + " stops only, not for the busiest single call or the typical one, not from one call of each";
    private static final int SECOND_LOOK_CALLS = 10;
    private static final int WARM_UP_REQUESTS = 200;
    /** How often this JVM stops itself while the learner's code runs. */
    private static final long OWN_SAFEPOINT_MILLIS = 25;

    private static LabProcess serviceJvm;
    private static Target target;
    private static final List<Service> SERVICES = new ArrayList<>();

    /** One service of the lab JVM: where it listens and what each endpoint does, in the order they are listed. */
    private record Service(URI base, Map<String, Endpoint> endpoints) {

        List<String> names() {
            return List.copyOf(endpoints.keySet());
        }

        String culprit() {
            return endpoints.entrySet().stream().filter(e -> e.getValue().stopsTheWorld()).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
        }

        /**
         * What a learner who set aside the stretches with a collection, or the long stops, needs to hear, and nothing
         * of the name.
         */
        String whenTheCulpritCollects() {
            return endpoints.get(culprit()).read() != RuntimeRead.COLLECTED_HEAP_USAGE ? "" : " In this service the"
                    + " endpoint that stops the world asks for a full collection itself, on every call, more often on"
                    + " some calls than on others, and allocates too: its stops are as long as any collection's, its"
                    + " count per call is no whole number, and collections run during its calls.";
        }

        /** Position of the endpoint among all by work per call, 1 for the slowest. */
        int slownessRank(String name) {
            List<String> bySlowest = new ArrayList<>(names());
            bySlowest.sort(Comparator.comparingInt((String n) -> endpoints.get(n).workMillis()).reversed());
            return bySlowest.indexOf(name) + 1;
        }
    }

    /** One JVM serves two services with independent random mappings, so one start and one attach serve both tests. */
    @BeforeAll
    static void startServices() throws IOException, InterruptedException {
        Random random = new Random();
        int fewestReads = 2 + random.nextInt(2);
        List<RuntimeRead> brief = MysteryService.STOPS_THE_WORLD.stream()
                .filter(read -> read != RuntimeRead.COLLECTED_HEAP_USAGE).toList();
        List<Map<String, String>> mappings = List.of(
                MysteryService.randomMapping(random, brief, 1, 1, Endpoint.Allocation.NONE),
                MysteryService.randomMapping(random, List.of(RuntimeRead.COLLECTED_HEAP_USAGE), fewestReads,
                        fewestReads + 1, Endpoint.Allocation.STEADY));
        List<String> arguments = new ArrayList<>();
        for (Map<String, String> mapping : mappings) {
            if (!arguments.isEmpty()) {
                arguments.add(MysteryService.NEXT_SERVICE);
            }
            mapping.forEach((name, endpoint) -> arguments.add(name + "=" + endpoint));
        }
        // The serial collector with a small, fixed young generation: the allocating endpoints bring collections at
        // the rates their sizes promise. C1 only: the service starts faster on a busy machine.
        serviceJvm = LabProcess.start(MysteryService.class,
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-Xmn8m"),
                arguments.toArray(String[]::new));
        for (Map<String, String> mapping : mappings) {
            String ready = serviceJvm.awaitLine(l -> l.startsWith("safepoint-mystery listening on "),
                    Duration.ofSeconds(15));
            Map<String, Endpoint> endpoints = new LinkedHashMap<>();
            mapping.forEach((name, spec) -> endpoints.put(name, Endpoint.parse(spec)));
            SERVICES.add(new Service(URI.create(ready.split(" ")[3]), endpoints));
        }
        target = Target.attach(serviceJvm.pid());
        warmUp();
    }

    /**
     * Sends requests to a path no service answers, so that the HTTP code of both JVMs is compiled before the
     * learner's timings start; a cold first endpoint would otherwise look slow for reasons of its own.
     */
    private static void warmUp() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                URI unknown = SERVICES.get(i % SERVICES.size()).base().resolve("warm-up");
                http.send(HttpRequest.newBuilder(unknown).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @AfterAll
    static void stopServices() {
        if (target != null) {
            target.close();
        }
        if (serviceJvm != null) {
            serviceJvm.close();
        }
    }

    @Test
    void namesTheEndpointThatStopsTheWorld() throws Exception {
        check(SERVICES.get(0));
    }

    @Test
    void namesItAgainWithOtherNamesAndRoles() throws Exception {
        check(SERVICES.get(1));
    }

    private static void check(Service service) throws Exception {
        String named = namedWhileThisJvmStopsNowAndThen(service);
        Feedback.check(HandedTarget.answers(target), HandedTarget.closedBy(target), HandedTarget.OWNER);
        if (!service.culprit().equals(named)) {
            explainWrongName(named, service);
        }
    }

    /** Runs the learner's code while this JVM brings itself to a safepoint at a steady rate. */
    private static String namedWhileThisJvmStopsNowAndThen(Service service) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform()
                .daemon().name("check-own-safepoints").unstarted(task));
        var threads = ManagementFactory.getThreadMXBean();
        ticker.scheduleAtFixedRate(() -> threads.dumpAllThreads(false, false), OWN_SAFEPOINT_MILLIS,
                OWN_SAFEPOINT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return SafepointDetective.stopsTheWorld(target, service.base(), service.names());
        } finally {
            ticker.shutdownNow();
        }
    }

    /** Fails with what the named endpoint really costs, measured again; never with the right name. */
    private static void explainWrongName(String named, Service service) throws IOException, InterruptedException {
        if (named == null) {
            Feedback.fail("Your method returned null instead of an endpoint name.", STOPS);
        }
        if (!service.endpoints().containsKey(named)) {
            Feedback.fail("You named '" + named + "', which is not an endpoint of this run's service: the names"
                    + " and what they do are drawn afresh on every run, so only a measurement can tell.", STOPS);
        }
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             SafepointCounter safepoints = Safepoints.of(target)) {
            URI uri = service.base().resolve(named);
            SafepointReading before = safepoints.read();
            long start = System.nanoTime();
            for (int i = 0; i < SECOND_LOOK_CALLS; i++) {
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            }
            double millisPerCall = (System.nanoTime() - start) / 1e6 / SECOND_LOOK_CALLS;
            SafepointReading cost = safepoints.read().minus(before);
            String measured = String.format(Locale.ROOT,
                    "You named '%s'. The check called it %d more times: %.1f ms per call; the service's JVM went"
                            + " through %d safepoint%s meanwhile (%.1f per call, %.1f ms stopped in all), not one or"
                            + " more per call.", named, SECOND_LOOK_CALLS, millisPerCall, cost.count(),
                    cost.count() == 1 ? "" : "s",
                    cost.count() / (double) SECOND_LOOK_CALLS, cost.totalTime().toNanos() / 1e6);
            Endpoint endpoint = service.endpoints().get(named);
            int rank = service.slownessRank(named);
            if (rank <= 2) {
                Feedback.fail(measured + " It is the " + (rank == 1 ? "slowest" : "second slowest") + " endpoint of"
                        + " the service: slow, and yet it stops no one. A watchdog's occasional stop lands in slow"
                        + " calls more often, and counted in the JVM that runs your code, safepoints follow the time"
                        + " spent calling too." + service.whenTheCulpritCollects(), STOPS);
            }
            String why = switch (endpoint.allocation()) {
                case CHURN -> " Its calls are quick and it allocates, so a collection comes every few calls (and now"
                        + " and then one call builds a batch that brings several): many safepoints per second, and a"
                        + " busy call here and there, yet under one per call on average.";
                case BULK -> " It allocates large arrays, so a long full collection comes on two calls of three: much"
                        + " time stopped, and a stop in its typical call, yet fewer stops than calls.";
                case NONE, STEADY -> " Its calls showed a safepoint now and then, from collections and a watchdog"
                        + " thread that runs whatever endpoint is called.";
            };
            Feedback.fail(measured + why + service.whenTheCulpritCollects(), PER_CALL);
        }
    }
}
