package workbench.diagnostics.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Prometheus's own linter must accept a real scrape; runs where promtool is installed (CI), skipped elsewhere. */
class PromtoolTest {

    @Test
    void promtoolAcceptsARealScrape() throws Exception {
        Path promtool = onPath("promtool");
        Assumptions.assumeTrue(promtool != null, "promtool is not on the PATH");
        Vars vars = new Vars();
        vars.counter("requests", "Requests handled.").add(2);
        vars.gauge("queue_depth", "Jobs waiting.", () -> 3);
        vars.histogram("request_duration", "Time to handle a request.").record(Duration.ofMillis(12));
        vars.map("responses", "Responses by status.").increment("200");
        String scrape;
        try (VarsServer server = VarsServer.start(vars, 0)) {
            scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = check.getOutputStream()) {
            in.write(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String verdict = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        check.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, check.exitValue(), "promtool check metrics said:\n" + verdict + "\non:\n" + scrape);
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
