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
        Coach.CheckSummary summary = coach().check(target, line -> {
            if (!json) {
                System.err.println(line);
            }
        });
        if (json) {
            System.out.println(ResultsJson.write(summary.reports()));
        } else {
            print(summary.markdown());
        }
        return summary.passed() ? 0 : 1;
    }
}
