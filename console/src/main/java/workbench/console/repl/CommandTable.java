package workbench.console.repl;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jline.utils.Levenshtein;

/** The console's commands: looked up by name or unique prefix, with the nearest name for a typo. */
public final class CommandTable {

    /** What a typed command name refers to. */
    public sealed interface Resolution {
        /** Exactly one command. */
        record Found(Command command) implements Resolution { }

        /** Several commands start with what was typed. */
        record Ambiguous(String typed, List<String> candidates) implements Resolution { }

        /** No command starts with what was typed; {@code nearest} is the closest name. */
        record Unknown(String typed, String nearest) implements Resolution { }
    }

    private final List<Command> commands;

    public CommandTable(List<Command> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
        long distinct = this.commands.stream().map(Command::name).distinct().count();
        if (distinct != commands.size()) {
            throw new IllegalArgumentException("two commands share a name: " + commands);
        }
    }

    public List<Command> commands() {
        return commands;
    }

    /** Resolves a name typed without its slash: an exact name wins, else a unique prefix. */
    public Resolution resolve(String typed) {
        String name = typed.toLowerCase(Locale.ROOT);
        for (Command command : commands) {
            if (command.name().equals(name)) {
                return new Resolution.Found(command);
            }
        }
        List<Command> matches = commands.stream().filter(c -> c.name().startsWith(name)).toList();
        if (matches.size() == 1) {
            return new Resolution.Found(matches.getFirst());
        }
        if (matches.size() > 1) {
            return new Resolution.Ambiguous(typed, matches.stream().map(Command::name).toList());
        }
        String nearest = commands.stream()
                .min(Comparator.comparingInt((Command c) -> Levenshtein.distance(name, c.name()))
                        .thenComparing(Command::name))
                .map(Command::name).orElse("help");
        return new Resolution.Unknown(typed, nearest);
    }
}
