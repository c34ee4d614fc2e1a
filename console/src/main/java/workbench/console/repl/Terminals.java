package workbench.console.repl;

import java.io.Console;

/** Whether output goes to a person's terminal, and whether it may be styled there: decided in this one place. */
public final class Terminals {

    private Terminals() {}

    /** True when this process's console is a terminal, not a pipe or a file. */
    public static boolean isTerminal() {
        // Since JDK 22 System.console() exists even when redirected; only isTerminal() tells.
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** True on a terminal unless the user set {@code NO_COLOR}: escape sequences are welcome there. */
    public static boolean styled() {
        return isTerminal() && System.getenv("NO_COLOR") == null;
    }
}
