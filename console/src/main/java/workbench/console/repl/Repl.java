package workbench.console.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read-evaluate-print loop: commands go to the command table, everything else to the lab.
 * Knows nothing of lessons.
 */
final class Repl {

    private final ConsoleIO io;
    private final SnippetEvaluator evaluator;
    private final Supplier<String> prompt;
    private final CommandTable commands;
    private boolean exitRequested;

    /**
     * @param commands the lesson's and the session's commands; /help, /exit and /quit are added here
     */
    Repl(ConsoleIO io, SnippetEvaluator evaluator, Supplier<String> prompt, List<Command> commands) {
        this.io = io;
        this.evaluator = evaluator;
        this.prompt = prompt;
        List<Command> all = new ArrayList<>(commands);
        all.add(Command.of("help", "", "this list", args -> help()));
        all.add(Command.of("exit", "", "leave the console (Ctrl-D does the same)", args -> exitRequested = true));
        // The word most tools use: typed here it would otherwise be taken for a typo of /edit.
        all.add(Command.of("quit", "", "the same as /exit", args -> exitRequested = true));
        this.commands = new CommandTable(all);
    }

    CommandTable commands() {
        return commands;
    }

    /** Runs until /exit or the end of input. */
    void run() {
        while (!exitRequested) {
            String input = io.readLine(prompt.get());
            if (input == null) {
                return;
            }
            if (input.isBlank()) {
                continue;
            }
            try {
                if (Command.isCommandLine(input)) {
                    command(input.strip());
                } else {
                    snippet(input);
                }
            } catch (RuntimeException e) {
                io.println(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    private void snippet(String input) {
        String source = input;
        while (!evaluator.isComplete(source)) {
            String more = io.readLine(Messages.CONTINUATION_PROMPT);
            if (more == null) {
                break;
            }
            source = source + "\n" + more;
        }
        evaluator.evaluate(source);
    }

    private void command(String line) {
        String[] parts = line.substring(1).split("\\s+", 2);
        String arguments = parts.length > 1 ? parts[1].strip() : "";
        switch (commands.resolve(parts[0])) {
            case CommandTable.Resolution.Found found -> {
                try {
                    found.command().handler().run(arguments);
                } catch (RuntimeException e) {
                    io.println(Messages.commandFailed(found.command().name(),
                            e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
            case CommandTable.Resolution.Ambiguous ambiguous ->
                    io.println(Messages.ambiguousCommand(ambiguous.typed(), ambiguous.candidates()));
            case CommandTable.Resolution.Unknown unknown ->
                    io.println(Messages.unknownCommand(unknown.typed(), unknown.nearest()));
        }
    }

    private void help() {
        int width = commands.commands().stream()
                .mapToInt(c -> c.name().length() + c.usage().length() + 2).max().orElse(0);
        StringBuilder text = new StringBuilder("Type Java to run it in the lab JVM; Tab completes, Tab twice shows "
                + "documentation; Ctrl-C stops a running snippet; Ctrl-D leaves.\nCommands (any unique prefix works):\n");
        for (Command c : commands.commands()) {
            String left = "/" + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage());
            text.append("  ").append(left).append(" ".repeat(width - left.length() + 2)).append(c.help()).append('\n');
        }
        io.println(text.toString());
    }
}
