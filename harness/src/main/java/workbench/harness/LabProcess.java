package workbench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A class's {@code main} running in a fresh JVM with this JVM's class path: the misbehaving program a
 * hidden check observes. Its standard output and error are merged and kept line by line.
 *
 * <pre>{@code
 * try (LabProcess lab = LabProcess.start(HotPolling.class, List.of("-Xmx64m"), "--port", "0")) {
 *     String ready = lab.awaitLine(line -> line.startsWith("listening "), Duration.ofSeconds(10));
 *     Target target = Target.attach(lab.pid());
 * }
 * }</pre>
 *
 * <p>The child watches this JVM and exits when it goes, so a check JVM that dies leaves nothing behind.
 */
public final class LabProcess implements AutoCloseable {

    /**
     * How long a lab JVM may take to start and say it is ready: a few seconds as a rule, but several JVMs may start
     * at once on two cores kept busy, and a check JVM once waited over 15 s.
     */
    public static final Duration START_UP = Duration.ofSeconds(30);

    private static final long EXIT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final LinkedBlockingQueue<String> unread = new LinkedBlockingQueue<>();

    private LabProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "lab-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} in a new JVM.
     *
     * @param jvmFlags flags for the new JVM, such as {@code -Xmx64m} or {@code -XX:+UseZGC}
     * @param args     arguments for {@code main}
     */
    public static LabProcess start(Class<?> main, List<String> jvmFlags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ThisJdk.tool("java"));
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrphanGuard.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LabProcess lab = new LabProcess(process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return lab;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a JVM for " + main.getName(), e);
        }
    }

    /** The child JVM's process id, for {@code Target.attach}. */
    public long pid() {
        return process.pid();
    }

    /**
     * Sends the child a line on its standard input: how a check tells a lab program that something happened, such
     * as the learner's code starting to watch it.
     *
     * @throws IllegalStateException when the child no longer reads its input
     */
    public void tell(String line) {
        try {
            OutputStream input = process.getOutputStream();
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            throw new IllegalStateException("Could not tell the lab JVM '" + line + "'", e);
        }
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the first line not yet consumed by an earlier call that matches.
     *
     * @throws IllegalStateException when no such line comes in time or the child exits first
     */
    public String awaitLine(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                // In slices, so that a child that exits without the line is noticed at once, not at the deadline.
                String line = unread.poll(Math.max(0, Math.min(left, EXIT_POLL_NANOS)), TimeUnit.NANOSECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
                if (line == null && (left <= 0 || !process.isAlive() && unread.isEmpty())) {
                    throw new IllegalStateException("The lab JVM did not print the expected line"
                            + (process.isAlive() ? " within " + timeout.toMillis() + " ms" : "; it exited")
                            + ". Its output:\n" + output());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lab JVM", e);
        }
    }

    /** Everything the child printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits for the child to exit on its own and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The lab JVM still runs after " + timeout.toMillis() + " ms");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lab JVM", e);
        }
    }

    /** Kills the child and waits until it is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                unread.add(line);
            }
        } catch (IOException e) {
            // The child went away; what it printed is kept.
        }
    }
}
