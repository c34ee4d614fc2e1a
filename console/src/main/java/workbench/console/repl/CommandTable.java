package workbench.console.repl;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
                .min(Comparator.comparingInt((Command c) -> distance(name, c.name())).thenComparing(Command::name))
                .map(Command::name).orElse("help");
        return new Resolution.Unknown(typed, nearest);
    }

    /** Edit distance: insertions, deletions, substitutions and swaps of neighbours ("nxet" is 1 from "next"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
