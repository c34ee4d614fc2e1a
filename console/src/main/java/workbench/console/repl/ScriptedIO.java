package workbench.console.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Input from a list of lines, output into a transcript: how tests drive the console. */
public final class ScriptedIO implements ConsoleIO {

    private final Deque<String> input;
    private final int width;
    private final StringBuilder transcript = new StringBuilder();

    public ScriptedIO(List<String> input, int width) {
        this.input = new ArrayDeque<>(input);
        this.width = width;
    }

    @Override
    public synchronized String readLine(String prompt) {
        String line = input.poll();
        if (line != null) {
            transcript.append(prompt).append(line).append('\n');
        }
        return line;
    }

    @Override
    public synchronized void println(String text) {
        transcript.append(text).append(text.endsWith("\n") ? "" : "\n");
    }

    @Override
    public void printAbove(String line) {
        println(line);
    }

    @Override
    public void page(String text) {
        println(text);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public boolean styled() {
        return false;
    }

    /** The program runs without a terminal; what it prints goes into the transcript. */
    @Override
    public int handOver(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!output.isEmpty()) {
            println(output);
        }
        return process.waitFor();
    }

    @Override
    public void onInterrupt(Runnable action) {
        // a script cannot press Ctrl-C
    }

    /** Everything shown so far, prompts and input included. */
    public synchronized String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
