package workbench.console.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.reader.impl.DefaultHighlighter;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The pager as a learner meets it: on a terminal of a given size, keys typed at its prompt. */
class TerminalIOTest {

    private static final String LONG_PAGE = IntStream.range(0, 40).mapToObj(i -> "line " + i)
            .collect(Collectors.joining("\n"));

    @TempDir
    Path home;

    @Test
    void aCommandTypedAtThePagersPromptArrivesWhole() throws IOException {
        try (Terminal terminal = terminal("/next\r", 80, new ByteArrayOutputStream())) {
            TerminalIO io = console(terminal);
            io.page(LONG_PAGE);
            assertThat(io.readLine("> ")).isEqualTo("/next");
        }
    }

    @Test
    void onANarrowTerminalThePagersPromptFitsOneRow() throws IOException, InterruptedException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal("q", 40, screen)) {
            console(terminal).page(LONG_PAGE);
            awaitOnScreen(screen, "-- more --");
        }
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("-- more --").doesNotContain("next screen");
    }

    /** The terminal hands output on to its screen on a thread of its own: closing it at once could cut that off. */
    private static void awaitOnScreen(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Terminal terminal(String keys, int columns, ByteArrayOutputStream screen) throws IOException {
        return TerminalBuilder.builder().system(false).type("xterm").size(new Size(columns, 12))
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen).build();
    }

    private TerminalIO console(Terminal terminal) {
        return TerminalIO.on(terminal, home.resolve("history"), NullCompleter.INSTANCE, new DefaultHighlighter(),
                new DefaultParser(), (buffer, cursor) -> List.of());
    }
}
