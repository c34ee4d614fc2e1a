package workbench.diagnostics.gc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * A small allocating program run in a child JVM of a chosen JDK and collector, so that tests read GC logs
 * and JFR recordings of real collections. It is compiled for Java 17 so that both installed JDKs run it.
 */
final class AllocatingChild {

    /** Keeps a churning set of arrays alive and now and then allocates a large (humongous under G1) one. */
    private static final String SOURCE = """
            public class Churn {
                static Object[] kept = new Object[3000];
                public static void main(String[] args) {
                    long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000L;
                    java.util.Random random = new java.util.Random(42);
                    long n = 0;
                    while (System.nanoTime() < end) {
                        kept[random.nextInt(kept.length)] = new byte[random.nextInt(16_000)];
                        if (++n % 4000 == 0) {
                            kept[0] = new byte[2_500_000];
                        }
                    }
                    System.gc();
                }
            }
            """;

    private static Path classes;

    private AllocatingChild() {
    }

    /** A JDK installed on this machine, or {@code null} when none of that feature release is. */
    static Path java(int feature) {
        if (Runtime.version().feature() == feature) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            return dirs.filter(d -> d.getFileName().toString().matches(".*\\D" + feature + "(\\D.*)?"))
                    .map(d -> d.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether that JDK has the collector, such as Shenandoah, which some builds leave out. */
    static boolean supports(Path java, String collectorFlag) throws Exception {
        Process probe = new ProcessBuilder(java.toString(), collectorFlag, "-version")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    /** Runs the program for {@code millis} with the given flags and waits for it to exit. */
    static void run(Path java, List<String> flags, long millis) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", compiled().toString(), "Churn", Long.toString(millis)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("Child JVM failed: " + command + "\n" + output);
        }
    }

    private static synchronized Path compiled() throws IOException {
        if (classes == null) {
            Path dir = Files.createTempDirectory("churn");
            Path source = dir.resolve("Churn.java");
            Files.writeString(source, SOURCE);
            int status = ToolProvider.getSystemJavaCompiler()
                    .run(null, null, null, "--release", "17", "-d", dir.toString(), source.toString());
            if (status != 0) {
                throw new UncheckedIOException(new IOException("Could not compile the allocating program"));
            }
            classes = dir;
        }
        return classes;
    }
}
