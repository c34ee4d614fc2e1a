package workbench.console.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import workbench.console.lab.LabSession;

/**
 * Java completion and documentation from JShell's source analysis. Never waits for the lab: while it
 * starts, there is simply nothing to suggest.
 */
final class JavaCompletion {

    private static final int MAX_DOC_LINES = 6;

    private final LabSession session;
    private JShell lastShell;
    private String lastBuffer;
    private int lastCursor = -1;
    private Suggestions last;

    /** Where the completed word starts, and what may replace it. */
    record Suggestions(int anchor, List<String> continuations) {
    }

    JavaCompletion(LabSession session) {
        this.session = session;
    }

    /** The suggestions at the cursor; asked twice per Tab (parser, then completer), computed once. */
    synchronized Suggestions at(String buffer, int cursor) {
        Optional<JShell> shell = session.shellIfReady();
        if (shell.isEmpty()) {
            return new Suggestions(cursor, List.of());
        }
        if (shell.get() != lastShell || !buffer.equals(lastBuffer) || cursor != lastCursor) {
            lastShell = shell.get();
            lastBuffer = buffer;
            lastCursor = cursor;
            last = compute(shell.get().sourceCodeAnalysis(), buffer, cursor);
        }
        return last;
    }

    private static Suggestions compute(SourceCodeAnalysis analysis, String buffer, int cursor) {
        int[] anchor = {cursor};
        List<SourceCodeAnalysis.Suggestion> all = analysis.completionSuggestions(buffer, cursor, anchor);
        // Prefer what fits the expected type, as jshell does; fall back to everything.
        List<String> fitting = all.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new Suggestions(anchor[0], fitting.isEmpty()
                ? all.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList() : fitting);
    }

    /** Signatures and the first paragraph of the Javadoc of what the cursor is in (a call, a type). */
    List<String> documentation(String buffer, int cursor) {
        Optional<JShell> shell = session.shellIfReady();
        if (shell.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : shell.get().sourceCodeAnalysis().documentation(buffer, cursor, true)) {
            lines.add(doc.signature());
            if (doc.javadoc() != null) {
                doc.javadoc().strip().lines()
                        .takeWhile(line -> !line.isBlank() && !line.strip().startsWith("@"))
                        .limit(MAX_DOC_LINES)
                        .map(line -> "    " + plainJavadoc(line.strip()))
                        .forEach(lines::add);
            }
        }
        return lines;
    }

    /** {@code x} and {@link X} as their text, HTML tags dropped: the terminal shows no markup. */
    private static String plainJavadoc(String line) {
        return line.replaceAll("\\{@(?:code|link|linkplain|literal) ([^}]*)}", "$1").replaceAll("<[^>]+>", "");
    }
}
