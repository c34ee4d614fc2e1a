package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "hint", description = "Show the exercise's next hint; each call goes one step further.")
final class HintCommand extends WorkbenchCommand {

    @Parameters(arity = "0..1", paramLabel = "EXERCISE")
    String exercise;

    HintCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() {
        print(coach().hint(exercise));
        return 0;
    }
}
