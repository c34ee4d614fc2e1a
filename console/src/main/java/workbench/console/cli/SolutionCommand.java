package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "solution", description = "Show the reference answer once the exercise passes (or with --force).")
final class SolutionCommand extends WorkbenchCommand {

    @Parameters(arity = "0..1", paramLabel = "EXERCISE")
    String exercise;

    @Option(names = "--force", description = "Show it even though the exercise has not passed.")
    boolean force;

    SolutionCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() {
        print(coach().solution(exercise, force));
        return 0;
    }
}
