package workbench.console.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import workbench.console.markdown.TerminalRenderer;

import java.io.IOException;

/** Prints the coach's Markdown on standard output: styled on a terminal, plain when piped or NO_COLOR. */
final class Output {

    private static final int MAX_WIDTH = 100;

    private Output() {
    }

    static void markdown(String markdown) {
        boolean styled = terminal() && System.getenv("NO_COLOR") == null;
        TerminalRenderer renderer = TerminalRenderer.builder().width(width()).styled(styled).build();
        System.out.println(renderer.renderMarkdown(markdown).stripTrailing());
    }

    /** The terminal's columns, at most 100; 100 when the output is no terminal. */
    static int width() {
        if (!terminal()) {
            return MAX_WIDTH;
        }
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return t.getWidth() > 0 ? Math.min(t.getWidth(), MAX_WIDTH) : MAX_WIDTH;
        } catch (IOException e) {
            return MAX_WIDTH;
        }
    }

    private static boolean terminal() {
        return System.console() != null && System.console().isTerminal();
    }
}
