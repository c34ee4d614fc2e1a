package workbench.diagnostics.vars;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own linter must accept a real scrape, but for one lint; runs where promtool is installed (CI),
 * skipped elsewhere.
 */
class PromtoolTest {

    /** promtool's exit status when it found lint problems only, no errors. */
    private static final int LINT_PROBLEMS = 3;
    /**
     * The one lint accepted: the runtime's counts are named as the OpenTelemetry Java agent names them
     * ({@code jvm_thread_count}), so that its dashboards read them, though promtool keeps {@code _count} for
     * histograms and summaries.
     */
    private static final Pattern AGENT_COUNT_LINT = Pattern.compile(
            "jvm_(thread|class|cpu|buffer)_count"
                    + " non-histogram and non-summary metrics should not have \"_count\" suffix");

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
        List<String> lints = verdict.lines().filter(line -> !AGENT_COUNT_LINT.matcher(line).matches()).toList();
        assertTrue(lints.isEmpty() && Set.of(0, LINT_PROBLEMS).contains(check.exitValue()),
                "promtool check metrics said (exit " + check.exitValue() + "):\n" + verdict + "\non:\n" + scrape);
    }

    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
