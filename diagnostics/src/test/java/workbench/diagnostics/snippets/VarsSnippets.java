package workbench.diagnostics.snippets;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import workbench.diagnostics.vars.Counter;
import workbench.diagnostics.vars.Gauge;
import workbench.diagnostics.vars.Histogram;
import workbench.diagnostics.vars.Var;
import workbench.diagnostics.vars.VarMap;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;

/** Examples in the Javadoc of {@code workbench.diagnostics.vars}. */
public final class VarsSnippets {

    private VarsSnippets() {}

    // @start region="registry"
    public static Vars register(Queue<?> queue) {
        Vars vars = new Vars();
        vars.counter("requests", "Requests handled.").increment();
        vars.gauge("queue_depth", "Jobs waiting.", queue::size);                 // read at every scrape
        vars.histogram("request_duration", "Time to handle a request.").record(Duration.ofMillis(3));
        vars.map("responses", "Responses by HTTP status.").increment("200");
        return vars;
    }
    // @end

    // @start region="server"
    public static String scrape(Vars vars) throws IOException, InterruptedException {
        try (VarsServer server = VarsServer.start(vars, 0);                      // 127.0.0.1, any free port
             HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/metrics")).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();   // or /debug/vars: JSON
        }
    }
    // @end

    // @start region="counter"
    public static void countRequest(Vars vars) {
        Counter requests = vars.counter("requests", "Requests handled.");       // the same one on every call
        requests.increment();                  // served as "requests": 1 in JSON, requests_total 1.0 in Prometheus
    }
    // @end

    // @start region="gauge"
    public static void handle(Vars vars, Queue<?> queue, Runnable request) {
        vars.gauge("queue_depth", "Jobs waiting.", queue::size);                     // read at every scrape
        Gauge inFlight = vars.gauge("in_flight", "Requests being handled now.");     // set by the application
        inFlight.add(1);
        try {
            request.run();
        } finally {
            inFlight.add(-1);
        }
    }
    // @end

    // @start region="histogram"
    public static void timed(Vars vars, Runnable request) {
        Histogram latency = vars.histogram("request_duration", "Time to handle a request.");
        long start = System.nanoTime();
        request.run();
        latency.record(Duration.ofNanos(System.nanoTime() - start));   // into request_duration_seconds buckets
    }
    // @end

    // @start region="map"
    public static void countResponse(Vars vars, int status) {
        VarMap byStatus = vars.map("responses", "Responses by HTTP status.");
        byStatus.increment(Integer.toString(status));   // "responses": {"200": 1}, responses_total{key="200"} 1.0
    }
    // @end

    // @start region="var"
    public static void printHelp(Vars vars) {
        for (Var var : vars.all()) {
            System.out.println(var.name() + ": " + var.help());
        }
    }
    // @end
}
