package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbench.console.check.ResultsJson;
import workbench.console.coach.Coach;

@Command(name = "check", description = "Run the hidden checks on an exercise, a lesson, or the current exercise.")
final class CheckCommand extends WorkbenchCommand {

    @Parameters(arity = "0..1", paramLabel = "LESSON|EXERCISE")
    String target;

    @Option(names = "--json", description = "Print results as JSON (Exercism results.json v3 per exercise).")
    boolean json;

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
        return summary.passed() ? 0 : 1;
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
