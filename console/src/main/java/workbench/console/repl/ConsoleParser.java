package workbench.console.repl;

import java.util.List;
import java.util.Optional;
import jdk.jshell.JShell;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells jline when Enter should continue an unfinished snippet (as jshell's console does, by raising
 * EOFError), and where the word to complete starts: JShell's anchor for Java, the last space for commands.
 */
final class ConsoleParser implements Parser {

    private final JavaCompletion completion;
    private final JShellSource shells;

    /** The ready JShell, if any: the parser must never wait for the lab. */
    @FunctionalInterface
    interface JShellSource {
        Optional<JShell> ready();
    }

    ConsoleParser(JavaCompletion completion, JShellSource shells) {
        this.completion = completion;
        this.shells = shells;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        boolean command = Command.isCommandLine(line);
        if (context == ParseContext.ACCEPT_LINE && !command && !line.isBlank() && incomplete(line)) {
            throw new EOFError(-1, -1, "incomplete snippet", "snippet");
        }
        int wordStart = command ? line.lastIndexOf(' ', Math.max(0, cursor - 1)) + 1
                : context == ParseContext.COMPLETE ? completion.at(line, cursor).anchor() : cursor;
        return new Line(line, cursor, Math.min(Math.max(0, wordStart), cursor));
    }

    private boolean incomplete(String line) {
        Optional<JShell> shell = shells.ready();
        if (shell.isEmpty()) {
            return false;
        }
        return !SnippetSplitter.endsComplete(shell.get().sourceCodeAnalysis(), line);
    }

    /** A line whose only word is the one being completed; Java needs no shell-style escaping. */
    private record Line(String line, int cursor, int wordStart) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(wordStart, cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - wordStart;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return cursor - wordStart;
        }
    }
}
