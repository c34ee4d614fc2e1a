package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbench.console.check.CheckReport;
import workbench.console.check.CheckTimings;
import workbench.console.check.ResultsJson;
import workbench.console.coach.Coach;
import workbench.diagnostics.metrics.Units;

@Command(name = "check", description = "Run the hidden checks on an exercise, a lesson, or the current exercise.")
final class CheckCommand extends WorkbenchCommand {

    @Parameters(arity = "0..1", paramLabel = "LESSON|EXERCISE")
    String target;

    @Option(names = "--json", description = "Print results as JSON (Exercism results.json v3 per exercise).")
    boolean json;

    @Option(names = "--timings", description = "Say where each check's time went: compiling, starting its JVM, the"
            + " test harness, the checks' own work (the misbehaving runs they start and observe), reporting.")
    boolean timings;

    CheckCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() {
        Thread stopped = Thread.ofPlatform().unstarted(CheckCommand::stoppedByCtrlC);
        Runtime.getRuntime().addShutdownHook(stopped);
        Coach.CheckSummary summary;
        try {
            summary = coach().check(target, line -> {
                if (!json) {
                    System.err.println(line);
                }
            });
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopped);
        }
        if (json) {
            System.out.println(ResultsJson.write(summary.reports()));
        } else {
            print(summary.markdown());
        }
        if (timings) {
            summary.reports().forEach(report -> System.err.println(timings(report)));
        }
        return summary.passed() ? 0 : 1;
    }

    private static String timings(CheckReport report) {
        CheckTimings t = report.timings();
        return "Timings of " + report.exercise().name() + ": compile " + Units.format(t.compile()) + ", JVM start "
                + Units.format(t.jvmStart()) + ", harness " + Units.format(t.harness()) + ", the checks' own work "
                + Units.format(t.observation()) + ", reporting " + Units.format(t.reporting())
                + "; overhead beyond the checks' work " + Units.format(t.overhead()) + ".";
    }

    /**
     * Ctrl-C (or a kill) while a check runs: its JVMs end with this one, and the learner is told that nothing else
     * did, rather than left to wonder whether their code stopped it.
     */
    private static void stoppedByCtrlC() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        System.err.println("\nCheck stopped before its verdict: nothing was recorded, and your files and progress are"
                + " as they were.");
    }
}
