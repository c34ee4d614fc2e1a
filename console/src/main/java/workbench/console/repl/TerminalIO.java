package workbench.console.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The learner's terminal through jline: line editing, history kept across sessions, completion,
 * highlighting, a pager. On a pipe jline gives a dumb terminal, and output stays plain.
 */
public final class TerminalIO implements ConsoleIO {

    private static final String COMPLETE_OR_DOCUMENT = "workbench-complete-or-document";
    private static final String MORE = "-- more: any key for the next screen, q to stop, / for a command --";
    private static final String MORE_NARROW = "-- more --";

    private final Terminal terminal;
    private final LineReader reader;
    private final boolean styled;
    private final boolean interactive;
    /** What the learner began typing at the pager's prompt, to be carried onto the next line read. */
    private String typedAhead;

    private TerminalIO(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
        this.interactive = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
        this.styled = interactive && Terminals.styled();
    }

    /**
     * Opens the process's terminal.
     *
     * @param documentation what a second Tab at the same place shows (buffer, cursor to lines)
     */
    public static TerminalIO open(Path historyFile, Completer completer, Highlighter highlighter, Parser parser,
                                  BiFunction<String, Integer, List<String>> documentation) {
        try {
            Files.createDirectories(historyFile.getParent());
            Terminal terminal = TerminalBuilder.builder().name("workbench").system(true).dumb(true).build();
            return on(terminal, historyFile, completer, highlighter, parser, documentation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** The console on a terminal already open: the process's own, or one a test drives. */
    static TerminalIO on(Terminal terminal, Path historyFile, Completer completer, Highlighter highlighter,
                         Parser parser, BiFunction<String, Integer, List<String>> documentation) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("workbench")
                .completer(completer)
                .highlighter(highlighter)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, Messages.CONTINUATION_PROMPT)
                // '!' is Java's not, never history expansion.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                // A second Tab belongs to the documentation, not to a completion menu.
                .option(LineReader.Option.AUTO_MENU, false)
                .variable(LineReader.LIST_MAX, 60)
                .build();
        bindSecondTabToDocumentation(reader, documentation);
        return new TerminalIO(terminal, reader);
    }

    /**
     * Tab completes; Tab again soon after, with nothing changed, shows the documentation, as in jshell.
     * Among a call's arguments, where every name in scope would fit, the first Tab shows the signatures.
     */
    private static void bindSecondTabToDocumentation(LineReader reader,
                                                     BiFunction<String, Integer, List<String>> documentation) {
        TabState last = new TabState();
        reader.getWidgets().put(COMPLETE_OR_DOCUMENT, () -> {
            String buffer = reader.getBuffer().toString();
            int cursor = reader.getBuffer().cursor();
            boolean inArguments = buffer.substring(0, cursor).stripTrailing().matches("(?s).*[(,]");
            if ((inArguments || last.isRepeatedAt(buffer, cursor)) && !Command.isCommandLine(buffer)) {
                last.forget();
                List<String> lines = documentation.apply(buffer, cursor);
                reader.printAbove(lines.isEmpty() ? Messages.NO_DOCUMENTATION : String.join("\n", lines));
                return true;
            }
            reader.callWidget(LineReader.COMPLETE_WORD);
            last.remember(reader.getBuffer().toString(), reader.getBuffer().cursor());
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(COMPLETE_OR_DOCUMENT), "\t");
    }

    /**
     * Where the last Tab left the line. jline tells a widget nothing of the keys between two Tabs, so
     * "the same line, within a few seconds" stands for "pressed again".
     */
    private static final class TabState {
        private static final long REPEAT_NANOS = 3_000_000_000L;
        private String buffer;
        private int cursor;
        private long at;

        boolean isRepeatedAt(String buffer, int cursor) {
            return buffer.equals(this.buffer) && cursor == this.cursor && System.nanoTime() - at < REPEAT_NANOS;
        }

        void remember(String buffer, int cursor) {
            this.buffer = buffer;
            this.cursor = cursor;
            this.at = System.nanoTime();
        }

        void forget() {
            buffer = null;
        }
    }

    @Override
    public String readLine(String prompt) {
        String ahead = typedAhead;
        typedAhead = null;
        try {
            return reader.readLine(prompt, null, (Character) null, ahead);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void println(String text) {
        PrintWriter out = terminal.writer();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    @Override
    public void printAbove(String line) {
        reader.printAbove(line);
    }

    @Override
    public void page(String text) {
        List<String> lines = text.lines().toList();
        int screen = terminal.getHeight() - 2;
        if (!interactive || screen < 5 || lines.size() <= screen + 1) {
            println(text);
            return;
        }
        // On one row whatever the width, so that clearing it leaves nothing behind.
        String more = MORE.length() < width() ? MORE : MORE_NARROW;
        Attributes saved = terminal.enterRawMode();
        PrintWriter out = terminal.writer();
        try {
            for (int shown = 0; shown < lines.size(); shown += screen) {
                lines.subList(shown, Math.min(lines.size(), shown + screen)).forEach(out::println);
                if (shown + screen >= lines.size()) {
                    break;
                }
                out.print(more);
                out.flush();
                int key = terminal.reader().read();
                out.print("\r" + " ".repeat(more.length()) + "\r");
                if (key == '/') {
                    // A command typed at the pager, such as /next, is the learner's next line, not a key press.
                    typedAhead = "/";
                    break;
                }
                if (key == 'q' || key == 'Q' || key == 3 || key < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
            out.flush();
        }
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }

    @Override
    public boolean styled() {
        return styled;
    }

    /** The program gets the terminal as the shell would give it; the console's own settings come back after. */
    @Override
    public int handOver(List<String> command) throws IOException, InterruptedException {
        Attributes saved = terminal.getAttributes();
        terminal.pause();
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } finally {
            terminal.setAttributes(saved);
            terminal.resume();
        }
    }

    @Override
    public void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
