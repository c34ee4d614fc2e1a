package workbench.console.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import workbench.console.markdown.TerminalRenderer;
import workbench.console.repl.Terminals;

import java.io.IOException;

/** Prints the coach's Markdown on standard output: styled on a terminal, plain when piped or NO_COLOR. */
final class Output {

    private static final int MAX_WIDTH = 100;

    private Output() {
    }

    static void markdown(String markdown) {
        boolean styled = Terminals.styled();
        TerminalRenderer renderer = TerminalRenderer.builder().width(width()).styled(styled).build();
        System.out.println(renderer.renderMarkdown(markdown).stripTrailing());
    }

    /** The terminal's columns, at most 100; 100 when the output is no terminal. */
    static int width() {
        if (!Terminals.isTerminal()) {
            return MAX_WIDTH;
        }
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return t.getWidth() > 0 ? Math.min(t.getWidth(), MAX_WIDTH) : MAX_WIDTH;
        } catch (IOException e) {
            return MAX_WIDTH;
        }
    }
}
