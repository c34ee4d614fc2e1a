package workbench.console.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Check reports as machine-readable JSON, shaped after Exercism's results.json version 3 with one entry
 * per exercise.
 */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record Test(String name, String status, String message) {
    }

    record Exercise(String exercise, String lesson, String status, String message, List<Test> tests) {
    }

    record Results(int version, String status, List<Exercise> exercises) {
    }

    private ResultsJson() {
    }

    public static String write(List<CheckReport> reports) {
        List<Exercise> exercises = reports.stream().map(ResultsJson::exercise).toList();
        CheckReport.Status worst = reports.stream().map(CheckReport::status)
                .max(Comparator.naturalOrder()).orElse(CheckReport.Status.PASS);
        try {
            return JSON.writeValueAsString(new Results(3, lower(worst), exercises));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Exercise exercise(CheckReport report) {
        String message = Stream.concat(report.compileErrors().stream()
                                .map(e -> e.file().getFileName() + ":" + e.line() + ": " + e.message()),
                        Stream.ofNullable(report.problem()))
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        return new Exercise(report.exercise().name(), report.exercise().lessonId(),
                lower(report.status()), message,
                report.tests().stream().map(t -> new Test(t.name(), lower(t.status()), t.message())).toList());
    }

    /** results.json spells statuses in lower case: {@code pass}, {@code fail}, {@code error}. */
    private static String lower(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
