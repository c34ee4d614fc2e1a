package workbench.console.repl;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
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
        SourceCodeAnalysis analysis = session.shell().sourceCodeAnalysis();
        String remaining = input;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return false;
                }
                case EMPTY -> {
                    return true;
                }
                default -> remaining = info.remaining();
            }
        }
        return true;
    }

    /** Evaluates every snippet in the input, stopping at the first that is stopped or kills the lab. */
    void evaluate(String input) {
        if (session.shellIfReady().isEmpty()) {
            io.println(Messages.WAITING_FOR_LAB);
        }
        JShell shell = session.shell();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = input;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return;
            }
            boolean complete = info.completeness().isComplete();
            Evaluation evaluation = session.eval(complete ? info.source() : remaining);
            labOutput.flushPartialLine();
            switch (evaluation.ending()) {
                case COMPLETED -> printer.describe(shell, evaluation.events()).forEach(io::println);
                case STOPPED -> io.println(Messages.STOPPED);
                case LAB_DIED -> {
                    return;
                }
            }
            if (evaluation.ending() != Evaluation.Ending.COMPLETED) {
                return;
            }
            remaining = complete ? info.remaining() : "";
        }
    }
}
