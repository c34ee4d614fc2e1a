package workbench.console.repl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import workbench.console.lab.Evaluation;
import workbench.console.lab.LabSession;

/** Runs the learner's input in the lab, one snippet at a time, and shows what each did. */
final class SnippetEvaluator {

    private final LabSession session;
    private final ConsoleIO io;
    private final LineOutputStream labOutput;
    private final SnippetPrinter printer = new SnippetPrinter();

    SnippetEvaluator(LabSession session, ConsoleIO io, LineOutputStream labOutput) {
        this.session = session;
        this.io = io;
        this.labOutput = labOutput;
    }

    /** Whether the input ends in a complete snippet; an unfinished one needs more lines. */
    boolean isComplete(String input) {
        return SnippetSplitter.endsComplete(session.shell().sourceCodeAnalysis(), input);
    }

    /**
     * Evaluates every snippet in the input, stopping at the first that is stopped or kills the lab.
     *
     * @return the value of the last snippet, when every snippet ran without an error or exception and the last
     *         one had a value (an expression or a variable)
     */
    Optional<String> evaluate(String input) {
        if (session.shellIfReady().isEmpty()) {
            io.println(Messages.WAITING_FOR_LAB);
        }
        JShell shell = session.shell();
        Optional<String> value = Optional.empty();
        for (SnippetSplitter.Piece piece : SnippetSplitter.split(shell.sourceCodeAnalysis(), input)) {
            Evaluation evaluation = session.eval(piece.source());
            labOutput.flushPartialLine();
            switch (evaluation.ending()) {
                case COMPLETED -> printer.describe(shell, evaluation.events()).forEach(io::println);
                case STOPPED -> io.println(Messages.STOPPED);
                case LAB_DIED -> {
                    return Optional.empty();
                }
            }
            if (evaluation.ending() != Evaluation.Ending.COMPLETED || !ranCleanly(evaluation.events())) {
                return Optional.empty();
            }
            value = evaluation.events().stream().filter(e -> e.causeSnippet() == null)
                    .map(SnippetEvent::value).filter(Objects::nonNull).reduce((first, last) -> last);
        }
        return value;
    }

    private static boolean ranCleanly(List<SnippetEvent> events) {
        return events.stream().allMatch(e -> e.exception() == null && e.status() != Snippet.Status.REJECTED);
    }
}
