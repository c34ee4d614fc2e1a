package workbench.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jline.utils.Levenshtein;

/** {@code workbench}: the course's command line. The launcher script runs this with a JDK 25. */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A hands-on course in JVM runtime diagnostics.%n",
        subcommands = {StartCommand.class, ListCommand.class, CheckCommand.class, HintCommand.class,
                SolutionCommand.class, ResetCommand.class, WatchCommand.class, TopCommand.class,
                IncidentCommand.class, OpenCommand.class},
        footer = {"%nStart with: workbench start lesson1"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Workbench workbench = Workbench.fromEnvironment();
        CommandLine cli = new CommandLine(new Main(), new Factory(workbench));
        cli.getSubcommands().values().forEach(Main::addHelpOption);
        cli.setParameterExceptionHandler(Main::badArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean learnerError = e instanceof NoSuchElementException || e instanceof IllegalStateException;
            commandLine.getErr().println((learnerError ? "" : "workbench failed: ") + e.getMessage());
            return learnerError ? 2 : 1;
        });
        int exit = cli.execute(args);
        workbench.takeWarning().ifPresent(warning -> System.err.println("warning: " + warning));
        return exit;
    }

    /** {@code -h, --help} on every command, as the answer to a mistyped argument promises. */
    private static void addHelpOption(CommandLine command) {
        command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
    }

    /** A mistyped command or option: the nearest ones, and where the usage is; never a raw parser message. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().getFirst();
            Optional<String> nearest = line.getSubcommands().keySet().stream()
                    .min(Comparator.comparingInt(name -> Levenshtein.distance(typed, name)));
            err.println("Unknown " + (line.getParent() == null ? "command" : "argument") + " '" + typed + "'."
                    + nearest.map(name -> " Did you mean " + name + "?").orElse(""));
        } else {
            err.println(e.getMessage());
        }
        err.println("`" + line.getCommandSpec().qualifiedName() + " --help` shows the usage.");
        return 2;
    }

    /** Without a subcommand, say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives every command the same {@link Workbench}. */
    private record Factory(Workbench workbench) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (WorkbenchCommand.class.isAssignableFrom(type)) {
                return type.getDeclaredConstructor(Workbench.class).newInstance(workbench);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
