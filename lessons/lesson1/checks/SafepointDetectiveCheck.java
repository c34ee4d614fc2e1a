package lesson1.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import lesson1.SafepointDetective;
import lesson1.demo.MysteryService;
import lesson1.demo.RuntimeRead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;
import workbench.lessons.harness.Feedback;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code safepoint-detective}: a fresh JVM runs two services, each mapping fresh
 * opaque names to runtime reads, one of which stops the world on every call, plus busy work that is slower
 * than all of them and never does. The learner's code must name the one that stops the world, twice.
 */
class SafepointDetectiveCheck {

    private static final String STOPS = "Lesson 1, page 'What stops the world': slow is not the same as stopped;"
            + " count the safepoints of the service's JVM per call";
    private static final int SECOND_LOOK_CALLS = 10;
    private static final int WARM_UP_REQUESTS = 200;

    private static LabProcess serviceJvm;
    private static Target target;
    private static final List<Service> SERVICES = new ArrayList<>();

    /** One service of the lab JVM: where it listens, its endpoints in order, and the one that stops the world. */
    private record Service(URI base, List<String> endpoints, String culprit) {}

    /** One JVM serves two services with independent random mappings, so one start and one attach serve both tests. */
    @BeforeAll
    static void startServices() throws IOException, InterruptedException {
        Random random = new Random();
        List<Map<String, String>> mappings = List.of(MysteryService.randomMapping(random),
                MysteryService.randomMapping(random));
        List<String> arguments = new ArrayList<>();
        for (Map<String, String> mapping : mappings) {
            if (!arguments.isEmpty()) {
                arguments.add(MysteryService.NEXT_SERVICE);
            }
            mapping.forEach((name, operation) -> arguments.add(name + "=" + operation));
        }
        // C1 only and the serial collector: the service starts faster on a busy machine, and neither changes
        // which reads stop the world.
        serviceJvm = LabProcess.start(MysteryService.class,
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m"),
                arguments.toArray(String[]::new));
        for (Map<String, String> mapping : mappings) {
            String ready = serviceJvm.awaitLine(l -> l.startsWith("safepoint-mystery listening on "),
                    Duration.ofSeconds(15));
            SERVICES.add(new Service(URI.create(ready.split(" ")[3]), List.copyOf(mapping.keySet()),
                    culprit(mapping)));
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
        String named = SafepointDetective.stopsTheWorld(target, service.base(), service.endpoints());
        if (!service.culprit().equals(named)) {
            explainWrongName(named, service.endpoints(), target, service.base());
        }
    }

    private static String culprit(Map<String, String> mapping) {
        return mapping.entrySet().stream()
                .filter(e -> !e.getValue().equals(MysteryService.BUSYWORK)
                        && MysteryService.STOPS_THE_WORLD.contains(RuntimeRead.valueOf(e.getValue())))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /** Fails with what the named endpoint really costs, measured again; never with the right name. */
    private static void explainWrongName(String named, List<String> endpoints, Target target, URI base)
            throws IOException, InterruptedException {
        if (named == null) {
            Feedback.fail("Your method returned null instead of an endpoint name.", STOPS);
        }
        if (!endpoints.contains(named)) {
            Feedback.fail("You named '" + named + "', which is not an endpoint of this run's service: the names"
                    + " and what they do are drawn afresh on every run, so only a measurement can tell.", STOPS);
        }
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             SafepointCounter safepoints = Safepoints.of(target)) {
            URI uri = base.resolve(named);
            long before = safepoints.count();
            long start = System.nanoTime();
            for (int i = 0; i < SECOND_LOOK_CALLS; i++) {
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            }
            double millisPerCall = (System.nanoTime() - start) / 1e6 / SECOND_LOOK_CALLS;
            long stopped = safepoints.count() - before;
            Feedback.fail(String.format(Locale.ROOT,
                    "You named '%s'. The check called it %d more times: %.2f ms per call, and the service's JVM"
                            + " went through %d safepoints meanwhile, not one per call.",
                    named, SECOND_LOOK_CALLS, millisPerCall, stopped), STOPS);
        }
    }
}
