package workbench.console.cli;

import picocli.CommandLine.Command;

@Command(name = "list", description = "Show the lessons and exercises with your progress.")
final class ListCommand extends WorkbenchCommand {

    ListCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() {
        print(coach().list());
        return 0;
    }
}
