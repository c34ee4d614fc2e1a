package workbench.console.repl;

import java.io.IOException;
import java.util.List;

/**
 * The console's input and output: a terminal for learners, a script for tests and pipes.
 */
public interface ConsoleIO extends AutoCloseable {

    /**
     * Reads the learner's next input.
     *
     * @return the input (several lines when the editor continued an incomplete snippet), an empty
     *         string when Ctrl-C cleared the line, or {@code null} at the end of input (Ctrl-D)
     */
    String readLine(String prompt);

    /** Writes text, adding a line break when it lacks one. */
    void println(String text);

    /** Writes one line that arrived on its own (lab output, a notice) without breaking the line being edited. */
    void printAbove(String line);

    /** Writes long text through a pager when a person reads it; straight through otherwise. */
    void page(String text);

    /** Columns to wrap text at. */
    int width();

    /** Whether ANSI styles may be used. */
    boolean styled();

    /**
     * Runs a program, such as the learner's editor, on the console's terminal until it exits.
     *
     * @return its exit status
     */
    int handOver(List<String> command) throws IOException, InterruptedException;

    /** What Ctrl-C does while no input is being read (a snippet runs). */
    void onInterrupt(Runnable action);

    @Override
    void close();
}
