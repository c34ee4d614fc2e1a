package workbench.console.repl;

import java.util.List;

/**
 * One console command, as data.
 *
 * @param name      the name without the slash
 * @param usage     the arguments, as shown by /help ({@code ""} for none)
 * @param help      one line on what it does
 * @param handler   runs it with the rest of the line
 * @param arguments offers completions for its arguments
 */
public record Command(String name, String usage, String help, Handler handler, ArgumentCompleter arguments) {

    /** Runs a command. */
    @FunctionalInterface
    public interface Handler {
        void run(String arguments);
    }

    /** Completion candidates for a command's arguments, given what was typed after the name. */
    @FunctionalInterface
    public interface ArgumentCompleter {
        ArgumentCompleter NONE = typed -> List.of();

        List<String> candidates(String typed);
    }

    /** Whether a line is a command: it starts with a slash that does not open a Java comment, as in jshell. */
    public static boolean isCommandLine(String line) {
        String text = line.stripLeading();
        return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*");
    }

    /** A command whose arguments have nothing to complete. */
    public static Command of(String name, String usage, String help, Handler handler) {
        return new Command(name, usage, help, handler, ArgumentCompleter.NONE);
    }
}
