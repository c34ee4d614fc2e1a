package workbench.diagnostics.incident;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an incident folder is of: the JVM, the time span, and the pieces the target refused.
 *
 * @param pid          the process id the JVM had
 * @param name         its main class or jar and arguments, as {@code jps -l} shows them
 * @param jvmArguments its JVM options, which tell the collector and heap sizes it ran with
 * @param started      when the capture began, ISO-8601
 * @param ended        when the recording ended, ISO-8601 (the class histogram comes after)
 * @param missing      one line per piece that could not be captured, with the reason
 */
record Manifest(long pid, String name, List<String> jvmArguments, String started, String ended,
                List<String> missing) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static void write(Path file, Manifest manifest) throws IOException {
        JSON.writeValue(file.toFile(), manifest);
    }

    static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }
}
