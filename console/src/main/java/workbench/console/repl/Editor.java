package workbench.console.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The learner's own editor, found as jshell's {@code /edit} finds it: {@code $VISUAL}, then {@code $EDITOR}. */
record Editor(List<String> command) {

    /** The editor the environment names, with its arguments ({@code code --wait}), if it names one. */
    static Optional<Editor> from(Map<String, String> environment) {
        return Stream.of("VISUAL", "EDITOR").map(environment::get).filter(value -> value != null && !value.isBlank())
                .findFirst().map(value -> new Editor(List.of(value.strip().split("\\s+"))));
    }

    /** Opens the file on the console's terminal and waits until the editor exits; returns its exit status. */
    int open(Path file, ConsoleIO io) throws IOException, InterruptedException {
        List<String> withFile = new ArrayList<>(command);
        withFile.add(file.toString());
        return io.handOver(withFile);
    }
}
