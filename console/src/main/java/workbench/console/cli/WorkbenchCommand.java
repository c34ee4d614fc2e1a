package workbench.console.cli;

import workbench.console.coach.Coach;

import java.util.concurrent.Callable;

/** A subcommand that works on the checkout; returns the process's exit code. */
abstract class WorkbenchCommand implements Callable<Integer> {

    protected final Workbench workbench;

    WorkbenchCommand(Workbench workbench) {
        this.workbench = workbench;
    }

    protected Coach coach() {
        Coach coach = workbench.coach();
        coach.takeWarning().ifPresent(warning -> System.err.println("warning: " + warning));
        return coach;
    }

    protected void print(String markdown) {
        Output.markdown(markdown);
    }
}
