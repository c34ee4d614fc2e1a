package workbench.console.check;

import workbench.harness.Feedback;
import workbench.harness.TestStatus;

import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

/** Words a {@link CheckReport} for the learner, as Markdown for the console's renderer. */
public final class ReportMarkdown {

    private final Path root;

    /** @param root the checkout's root, so file names are shown relative to it */
    public ReportMarkdown(Path root) {
        this.root = root;
    }

    public String render(CheckReport report) {
        String name = report.exercise().name();
        String took = String.format(" (%.1f s)", report.took().toMillis() / 1000.0);
        StringBuilder md = new StringBuilder();
        if (!report.compileErrors().isEmpty()) {
            md.append("### ✗ ").append(name).append(" does not compile\n\n");
            for (ExerciseCompiler.CompileError error : report.compileErrors()) {
                md.append("`").append(root.relativize(error.file().toAbsolutePath())).append(':').append(error.line())
                        .append("`: ").append(error.message().lines().findFirst().orElse("")).append("\n\n");
                if (!error.sourceLine().isBlank()) {
                    md.append("```java\n").append(error.sourceLine().strip()).append("\n```\n\n");
                }
            }
            return md.toString();
        }
        md.append(report.passed() && !report.tests().isEmpty() ? "### ✓ " : "### ✗ ").append(name).append(": ")
                .append(verdict(report)).append(took).append("\n\n");
        String notRun = null;
        for (CheckReport.TestResult test : report.tests()) {
            md.append("- ").append(mark(test.status())).append(' ').append(test.name()).append('\n');
            // Tests not run for one reason (an earlier one ran out of time) say it once.
            boolean saidAlready = test.status() == TestStatus.SKIPPED && Objects.equals(test.message(), notRun);
            if (test.message() != null && !test.passed() && !saidAlready) {
                md.append(quote(test.message())).append('\n');
            }
            notRun = test.status() == TestStatus.SKIPPED ? test.message() : null;
        }
        if (report.problem() != null) {
            md.append("\n").append(report.problem().contains("\n")
                    ? report.problem().replaceFirst("\n\n", "\n\n```\n") + "\n```\n"
                    : report.problem() + "\n");
        }
        if (!report.passed() && !report.output().isBlank()) {
            md.append("\nWhat your code printed:\n\n```\n").append(report.output().strip()).append("\n```\n");
        }
        return md.toString();
    }

    /** How a test ended, in one character: passed, failed or broke, or did not run. */
    public static char mark(TestStatus status) {
        return switch (status) {
            case PASS -> '✓';
            case FAIL, ERROR -> '✗';
            case SKIPPED -> '–';
        };
    }

    /** "all 7 checks pass", "5 of 7 checks pass", or for an exercise of one check, whether it passes. */
    private static String verdict(CheckReport report) {
        int tests = report.tests().size();
        long passed = report.tests().stream().filter(CheckReport.TestResult::passed).count();
        if (tests == 0) {
            return "the checks could not run";
        }
        if (tests == 1) {
            return passed == 1 ? "its one check passes" : "its one check fails";
        }
        return report.passed() ? "all " + passed + " checks pass" : passed + " of " + tests + " checks pass";
    }

    /** Indents a failure under its bullet, setting the advice to revisit apart from the observation. */
    private static String quote(String message) {
        String[] parts = message.split(Feedback.REVISIT, 2);
        String observed = parts[0].lines().map(line -> "  > " + line).collect(Collectors.joining("\n"));
        return parts.length == 1 ? observed : observed + "\n  >\n  > **Revisit:** " + parts[1].strip();
    }
}
