package workbench.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private final CommandTable table = new CommandTable(List.of(
            command("help"), command("hint"), command("history"), command("next"), command("exit"),
            command("solution")));

    private static Command command(String name) {
        return Command.of(name, "", "does " + name, args -> { });
    }

    @Test
    void anExactNameWins() {
        assertEquals("next", found("next"));
    }

    @Test
    void aUniquePrefixFindsItsCommand() {
        assertEquals("solution", found("s"));
        assertEquals("hint", found("hin"));
        assertEquals("exit", found("EX"));
    }

    @Test
    void anAmbiguousPrefixNamesEveryCandidate() {
        assertEquals(new CommandTable.Resolution.Ambiguous("h", List.of("help", "hint", "history")), table.resolve("h"));
        assertEquals(new CommandTable.Resolution.Ambiguous("hi", List.of("hint", "history")), table.resolve("hi"));
    }

    @Test
    void anUnknownNameNamesTheNearestCommand() {
        assertEquals(new CommandTable.Resolution.Unknown("nxet", "next"), table.resolve("nxet"));
        assertEquals(new CommandTable.Resolution.Unknown("solutoin", "solution"), table.resolve("solutoin"));
        assertEquals(new CommandTable.Resolution.Unknown("quit", "exit"), table.resolve("quit"));
    }

    @Test
    void twoCommandsMayNotShareAName() {
        assertThrows(IllegalArgumentException.class, () -> new CommandTable(List.of(command("next"), command("next"))));
    }

    private String found(String typed) {
        return ((CommandTable.Resolution.Found) table.resolve(typed)).command().name();
    }
}
