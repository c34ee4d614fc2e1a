package workbench.console.check;

import workbench.lessons.harness.Feedback;

import java.nio.file.Path;
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
        long passed = report.tests().stream().filter(t -> t.status().equals("pass")).count();
        md.append(report.tests().isEmpty() ? "### ✗ " + name + ": the checks could not run" + took + "\n\n"
                : report.passed()
                ? "### ✓ " + name + ": all " + passed + " checks pass" + took + "\n\n"
                : "### ✗ " + name + ": " + passed + " of " + report.tests().size() + " checks pass" + took + "\n\n");
        for (CheckReport.TestResult test : report.tests()) {
            md.append(test.status().equals("pass") ? "- ✓ " : "- ✗ ").append(test.name()).append('\n');
            if (test.message() != null && !test.status().equals("pass")) {
                md.append(quote(test.message())).append('\n');
            }
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

    /** Indents a failure under its bullet, setting the advice to revisit apart from the observation. */
    private static String quote(String message) {
        String[] parts = message.split(Feedback.REVISIT, 2);
        String observed = parts[0].lines().map(line -> "  > " + line).collect(Collectors.joining("\n"));
        return parts.length == 1 ? observed : observed + "\n  >\n  > **Revisit:** " + parts[1].strip();
    }
}
