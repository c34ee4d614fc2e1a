package workbench.console.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the console says to the learner, in one place. */
final class Messages {

    static final String CONTINUATION_PROMPT = "   ...> ";
    static final String WAITING_FOR_LAB = "(the lab JVM is still starting; your snippet runs as soon as it is up)";
    static final String STOPPED = "Stopped.";
    static final String NO_DOCUMENTATION = "(no documentation here: put the cursor inside a call's parentheses or after a type)";
    static final String RESET = "A fresh lab JVM is starting: variables are gone, the imports are back.";
    static final String NO_VARIABLES = "No variables yet. Declare one, e.g. var heap = ManagementFactory.getMemoryMXBean();";
    static final String BYE = "Bye. Your progress is saved; ./workbench start resumes here.";
    static final String FIRST_PAGE = "This is the first page.";
    static final String MEASURING = "Measuring in the lab JVM with:";
    static final String LAST_PAGE = "This is the last page. /check tests your exercise; /hint helps.";

    static final String SCHED_USAGE = "Usage: /sched [interval] traces the lab JVM's scheduler, e.g. /sched or /sched 500ms;"
            + " /sched stop ends it.";
    static final String SCHED_STOPPED = "Scheduler trace stopped.";
    static final String SCHED_NOT_RUNNING = "No scheduler trace is running; /sched starts one.";
    static final String SCHED_LAB_EXITED = "Scheduler trace stopped: the lab JVM it traced has exited. /sched traces the fresh one.";

    static final String INCIDENT_BUSY = "An incident is being recorded already; /incident save again once it is saved.";
    static final String INCIDENT_FINISHING = "Saving the incident being recorded before leaving...";
    static final String INCIDENT_USAGE = "Usage: /incident save [name] records the lab JVM for 10 s into"
            + " incidents/<name>; the name is letters, digits, '.', '-' and '_'.";

    static final String EDITED = "Back from the editor. /check runs the hidden checks on what you saved.";

    private Messages() {
    }

    static String noEditor(Path file) {
        return "No editor is set: set VISUAL or EDITOR (e.g. export EDITOR=nano) before ./workbench start, or open "
                + file + " in your own editor.";
    }

    static String editorFailed(List<String> editor, String why) {
        return "The editor `" + String.join(" ", editor) + "` did not open the file (" + why + "). Set VISUAL or"
                + " EDITOR to a command that opens a file and waits until you close it.";
    }

    static String welcome(String lessonId) {
        return "Type Java to run it in the lab JVM (the library, " + lessonId + "'s demos and the JDK's usual packages are imported), "
                + "/help for the commands.";
    }

    static String unknownCommand(String typed, String nearest) {
        return "Unknown command /" + typed + ". The nearest is /" + nearest + "; /help lists them all.";
    }

    static String ambiguousCommand(String typed, List<String> candidates) {
        return "/" + typed + " could be " + candidates.stream().map(c -> "/" + c).collect(Collectors.joining(" or "))
                + ": type more letters.";
    }

    static String demoUsage(String demos) {
        return "Usage: /demo start|stop|status [name]. This lesson's demos:\n" + demos;
    }

    static String pageFooter(String lessonId, int page, int pages) {
        return "[" + lessonId + ", page " + (page + 1) + " of " + pages + ". /next, /prev, /lesson N]";
    }

    static String noSuchPage(int pages) {
        return "The lesson has pages 1 to " + pages + ".";
    }

    static String unknownDemo(String name, List<String> known) {
        return "This lesson has no demo called " + name + ". Its demos: " + String.join(", ", known) + ".";
    }

    static String noPrediction(List<Integer> pages) {
        return pages.isEmpty() ? "This lesson asks for no prediction."
                : "This page asks for no prediction. Pages that do: "
                        + pages.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (/lesson N).";
    }

    static String notAFigure(String typed) {
        return "'" + typed + "' is not a figure. Type a number, such as /predict 250 or /predict 1,000.";
    }

    static String measurementFailed(String value) {
        return value == null ? "The measurement did not finish (see above), so nothing was graded. /predict again runs it again."
                : "The measurement gave '" + value + "', not a figure, so nothing was graded. This is a fault of the lesson: please report it.";
    }

    static String schedStarted(String interval) {
        return "Tracing the lab JVM's scheduler, a line every " + interval + " above the prompt; /sched stop ends it.";
    }

    static String incidentRecording(Path folder, String length) {
        return "Recording the lab JVM for " + length + " into " + folder + " (JFR, GC log, thread dumps, class"
                + " histogram, metrics); keep working, the outcome shows here when it is saved.";
    }

    static String incidentSaved(Path folder, List<String> missing) {
        return "Saved. `./workbench open " + folder + "` reads it back; the recording opens in JDK Mission Control."
                + missing.stream().map(line -> "\nNot captured: " + line).collect(Collectors.joining());
    }

    static String incidentFailed(String reason) {
        return "No incident was recorded: " + reason.lines().findFirst().orElse("") + ".";
    }

    static String schedCannotAttach(String reason) {
        return "Could not reach the lab JVM to trace its scheduler (" + reason.lines().findFirst().orElse("")
                + "); if it is restarting, try /sched again in a moment.";
    }

    static String commandFailed(String command, String message) {
        return "/" + command + " failed: " + message;
    }
}
