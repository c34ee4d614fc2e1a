package workbench.console.repl;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab: command names and their arguments after a slash, Java through JShell's analysis otherwise. */
final class ConsoleCompleter implements Completer {

    private final JavaCompletion java;
    private final Supplier<CommandTable> commands;

    ConsoleCompleter(JavaCompletion java, Supplier<CommandTable> commands) {
        this.java = java;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.line().substring(0, line.cursor());
        if (Command.isCommandLine(text)) {
            commandCandidates(text.stripLeading()).forEach(c -> candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("("))));
            return;
        }
        java.at(line.line(), line.cursor()).continuations()
                .forEach(c -> candidates.add(new Candidate(c, c, null, null, null, null, false)));
    }

    private List<String> commandCandidates(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            return commands.get().commands().stream().map(c -> "/" + c.name()).toList();
        }
        CommandTable.Resolution resolution = commands.get().resolve(text.substring(1, space));
        if (resolution instanceof CommandTable.Resolution.Found found) {
            return found.command().arguments().candidates(text.substring(space + 1));
        }
        return List.of();
    }
}
