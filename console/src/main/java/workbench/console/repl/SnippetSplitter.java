package workbench.console.repl;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/** Cuts input into the snippets JShell runs one at a time, as the jshell tool cuts a pasted block. */
final class SnippetSplitter {

    /** One snippet's source, and whether it is complete: only the last one of an input may not be. */
    record Piece(String source, boolean complete) {
    }

    private SnippetSplitter() {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String input) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = input;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                pieces.add(new Piece(remaining, false));
                break;
            }
            pieces.add(new Piece(info.source(), true));
            remaining = info.remaining();
        }
        return pieces;
    }

    /** Whether the input can run as it is, or its last snippet needs more lines. */
    static boolean endsComplete(SourceCodeAnalysis analysis, String input) {
        List<Piece> pieces = split(analysis, input);
        return pieces.isEmpty() || pieces.getLast().complete();
    }
}
