package workbench.console.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jdk.jshell.JShell;
import workbench.console.lab.LabSession;
import workbench.diagnostics.incident.IncidentCapture;

/**
 * Commands about the lab session itself: its variables, its imports, its scheduler trace, an incident recording of
 * it, a fresh start.
 */
final class SessionCommands {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final LabSession session;
    private final ConsoleIO io;
    private final SchedWatch sched;
    private final IncidentRecorder recorder;
    private final Path incidents;

    /** @param incidents the folder that {@code /incident save} writes its folders into */
    SessionCommands(LabSession session, ConsoleIO io, SchedWatch sched, IncidentRecorder recorder, Path incidents) {
        this.session = session;
        this.io = io;
        this.sched = sched;
        this.recorder = recorder;
        this.incidents = incidents;
    }

    List<Command> commands() {
        return List.of(
                Command.of("vars", "", "the variables you declared, with their values", args -> vars()),
                Command.of("imports", "", "the imports in effect", args -> imports()),
                new Command("sched", "[interval]|stop", "trace the lab JVM's scheduler, a line per interval (default 1s)",
                        this::sched, typed -> List.of("stop", "500ms", "1s", "5s")),
                new Command("incident", "save [name]", "record the lab JVM for 10 s into incidents/, for"
                        + " ./workbench open", this::incident, typed -> List.of("save")),
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

    private void sched(String args) {
        if (args.equals("stop")) {
            io.println(sched.stop() ? Messages.SCHED_STOPPED : Messages.SCHED_NOT_RUNNING);
            return;
        }
        Duration interval;
        try {
            interval = args.isEmpty() ? Duration.ofSeconds(1) : DurationText.parse(args);
        } catch (IllegalArgumentException e) {
            interval = Duration.ZERO;
        }
        if (interval.toMillis() < 1) {
            io.println(Messages.SCHED_USAGE);
            return;
        }
        try {
            sched.start(interval);
            io.println(Messages.schedStarted(DurationText.format(interval)));
        } catch (IOException e) {
            io.println(Messages.schedCannotAttach(e.getMessage()));
        }
    }

    private void incident(String args) {
        String[] words = args.strip().split("\\s+", 2);
        String name = words.length > 1 ? words[1] : "lab-" + LocalDateTime.now().format(STAMP);
        if (!words[0].equals("save") || !name.matches("[\\w.-]+")) {
            io.println(Messages.INCIDENT_USAGE);
            return;
        }
        Path folder = incidents.resolve(name);
        io.println(recorder.start(folder)
                ? Messages.incidentRecording(folder, DurationText.format(IncidentCapture.DEFAULT_LENGTH))
                : Messages.INCIDENT_BUSY);
    }

    private void reset() {
        if (sched.stop()) {
            io.println(Messages.SCHED_STOPPED);
        }
        session.reset();
        io.println(Messages.RESET);
    }
}
