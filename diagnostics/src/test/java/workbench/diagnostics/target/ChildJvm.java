package workbench.diagnostics.target;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM for tests: runs {@link #main} of this class, which says "ready" and then sleeps. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts a child JVM with this test's class path and waits until it prints "ready". */
    public static ChildJvm start(String... jvmFlags) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJvm.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("child JVM did not start: " + line);
        }
        return new ChildJvm(process);
    }

    public long pid() {
        return process.pid();
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(2));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
