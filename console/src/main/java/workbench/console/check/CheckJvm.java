package workbench.console.check;

import workbench.harness.CheckEvents;
import workbench.harness.CheckMain;
import workbench.harness.ThisJdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one hidden check class in a fresh JVM, with the learner's classes first on the class path, under
 * {@link Limits}. Whatever the learner's code does there, the checker learns what happened from the
 * event record, the exit code and the captured output.
 */
final class CheckJvm {

    /**
     * What a run left behind; {@code threadDump} is set only when the run was stopped for time, {@code launched} is
     * just before the JVM was started and {@code exited} just after it ended.
     */
    record Run(List<CheckEvents.Event> events, int exitCode, boolean timedOut, boolean flooded, long outputBytes,
               String output, String threadDump, Instant launched, Instant exited) {

        boolean ranOutOfMemory() {
            return output.contains("java.lang.OutOfMemoryError");
        }
    }

    /** How often the record is read while the JVM runs: a test's start shows within this long. */
    private static final long PROGRESS_EVERY_MILLIS = 200;

    private final String classPath;
    private final Limits limits;

    /** The file from the working directory when it is below it, as the learner would type it; else in full. */
    private static Path asTyped(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    CheckJvm(String classPath, Limits limits) {
        this.classPath = classPath;
        this.limits = limits;
    }

    /**
     * Runs the tests of {@code checksClass} that {@code scope} selects against
     * the classes compiled from {@code learnerSource}; {@code progress} is told each event of the record as it is
     * written, a test's start and its end, while the JVM runs.
     */
    Run run(String checksClass, CheckScope scope, Path learnerSource, Path learnerClasses, Path eventsFile,
            Consumer<CheckEvents.Event> progress) {
        List<String> command = new ArrayList<>(List.of(
                ThisJdk.tool("java"),
                "-Xmx" + limits.heap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dworkbench.test.timeout=" + limits.testTimeout().toMillis() + " ms",
                "-D" + CheckMain.STOP_AT_FIRST_FAILURE + "=" + scope.untilFirstFailure(),
                "-D" + CheckMain.LEARNER_SOURCE + "=" + asTyped(learnerSource),
                "-Dfile.encoding=UTF-8",
                "-cp", learnerClasses + java.io.File.pathSeparator + classPath,
                CheckMain.class.getName(), eventsFile.toString(), learnerClasses.toString(), checksClass));
        if (scope.onlyTest() != null) {
            command.add(scope.onlyTest());
        }
        try {
            Files.deleteIfExists(eventsFile);
            Instant launched = Instant.now();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            AtomicBoolean flooded = new AtomicBoolean();
            CappedOutput output = new CappedOutput(process.getInputStream(), limits.output(), limits.floodBytes(),
                    () -> {
                        flooded.set(true);
                        kill(process);
                    });
            long deadline = System.nanoTime() + limits.wallClock().toNanos();
            int told = 0;
            boolean finished;
            do {
                finished = process.waitFor(Math.min(PROGRESS_EVERY_MILLIS,
                        Math.max(0, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                told = tell(CheckEvents.read(eventsFile), told, progress);
            } while (!finished && System.nanoTime() < deadline);
            String threadDump = finished ? null : threadDump(process);
            if (!finished) {
                kill(process);
            }
            process.waitFor();
            Instant exited = Instant.now();
            output.finish();
            List<CheckEvents.Event> events = CheckEvents.read(eventsFile);
            tell(events, told, progress);
            return new Run(events, process.exitValue(), !finished, flooded.get(), output.total(), output.text(),
                    threadDump, launched, exited);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a check JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The check was interrupted", e);
        }
    }

    /** Tells {@code progress} the events after the first {@code told}; returns how many it has been told. */
    private static int tell(List<CheckEvents.Event> events, int told, Consumer<CheckEvents.Event> progress) {
        events.subList(told, events.size()).forEach(progress);
        return events.size();
    }

    /** Kills the JVM and every process it started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Asks the stuck JVM where its threads are, with the JDK's own jcmd, before it is killed. */
    private static String threadDump(Process process) {
        String jcmd = ThisJdk.tool("jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] text = dump.getInputStream().readAllBytes();
            dump.waitFor(10, TimeUnit.SECONDS);
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }
}
