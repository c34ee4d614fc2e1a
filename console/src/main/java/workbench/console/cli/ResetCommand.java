package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "reset", description = "Restore an exercise's original stub; your version is backed up.")
final class ResetCommand extends WorkbenchCommand {

    @Parameters(paramLabel = "EXERCISE")
    String exercise;

    ResetCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() {
        print(coach().reset(exercise));
        return 0;
    }
}
