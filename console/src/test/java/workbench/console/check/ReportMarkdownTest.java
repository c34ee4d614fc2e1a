package workbench.console.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.console.course.Exercise;
import workbench.harness.TestStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** How a check's verdict reads, counted in words that fit one check or several. */
class ReportMarkdownTest {

    private static final Exercise EXERCISE = new Exercise("read-the-vars", "lesson4", "lesson4/VarsReader.java",
            "diagnose", "c", "a", List.of());

    @Test
    void anExerciseOfOneCheckSaysWhetherItPasses() {
        String passed = render(CheckReport.Status.PASS,
                new CheckReport.TestResult("names it", TestStatus.PASS, null, null));
        String failed = render(CheckReport.Status.FAIL,
                new CheckReport.TestResult("names it", TestStatus.FAIL, "no", null));
        assertThat(passed).startsWith("### ✓ read-the-vars: its one check passes");
        assertThat(failed).startsWith("### ✗ read-the-vars: its one check fails");
    }

    @Test
    void anExerciseOfSeveralChecksCountsThem() {
        String passed = render(CheckReport.Status.PASS, new CheckReport.TestResult("a", TestStatus.PASS, null, null),
                new CheckReport.TestResult("b", TestStatus.PASS, null, null));
        String failed = render(CheckReport.Status.FAIL, new CheckReport.TestResult("a", TestStatus.PASS, null, null),
                new CheckReport.TestResult("b", TestStatus.FAIL, "no", null));
        assertThat(passed).startsWith("### ✓ read-the-vars: all 2 checks pass");
        assertThat(failed).startsWith("### ✗ read-the-vars: 1 of 2 checks pass");
    }

    @Test
    void testsNotRunAreMarkedApartFromFailuresAndSayWhyOnce() {
        String report = render(CheckReport.Status.FAIL,
                new CheckReport.TestResult("a", TestStatus.ERROR, "did not finish", null),
                new CheckReport.TestResult("b", TestStatus.SKIPPED, "Not run: an earlier test ran out of time", null),
                new CheckReport.TestResult("c", TestStatus.SKIPPED, "Not run: an earlier test ran out of time", null));
        assertThat(report).contains("- ✗ a\n").contains("- – b\n  > Not run: an earlier test ran out of time")
                .contains("- – c\n").containsOnlyOnce("Not run");
    }

    private static String render(CheckReport.Status status, CheckReport.TestResult... tests) {
        return new ReportMarkdown(Path.of(".")).render(new CheckReport(EXERCISE, status, List.of(), List.of(tests),
                null, "", CheckTimings.compiledOnly(Duration.ofMillis(1200))));
    }
}
