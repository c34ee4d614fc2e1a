package workbench.console.repl;

import java.util.List;
import jdk.jshell.JShell;
import workbench.console.lab.LabSession;

/** Commands about the lab session itself: its variables, its imports, a fresh start. */
final class SessionCommands {

    private final LabSession session;
    private final ConsoleIO io;

    SessionCommands(LabSession session, ConsoleIO io) {
        this.session = session;
        this.io = io;
    }

    List<Command> commands() {
        return List.of(
                Command.of("vars", "", "the variables you declared, with their values", args -> vars()),
                Command.of("imports", "", "the imports in effect", args -> imports()),
                Command.of("reset", "", "a fresh lab JVM (variables are lost)", args -> reset()));
    }

    private void vars() {
        JShell shell = session.shell();
        List<String> lines = shell.variables()
                .filter(v -> shell.status(v).isActive())
                .map(v -> v.typeName() + " " + v.name() + " = " + shell.varValue(v))
                .toList();
        io.println(lines.isEmpty() ? Messages.NO_VARIABLES : String.join("\n", lines));
    }

    private void imports() {
        JShell shell = session.shell();
        io.println(String.join("\n", shell.imports().map(i -> i.source().strip()).toList()));
    }

    private void reset() {
        session.reset();
        io.println(Messages.RESET);
    }
}
