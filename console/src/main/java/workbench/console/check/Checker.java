package workbench.console.check;

import workbench.console.course.Exercise;
import workbench.harness.CheckEvents;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks one exercise file: compiles it, runs its hidden tests in a {@link CheckJvm}, and words what
 * happened as a {@link CheckReport}.
 */
public final class Checker {

    /** How a JVM ends on SIGINT: the terminal sends it to the check JVM too when the learner presses Ctrl-C. */
    private static final int EXIT_ON_CTRL_C = 128 + 2;

    private final Path workDir;
    private final Limits limits;
    private final ExerciseCompiler compiler;
    private final CheckJvm jvm;

    /**
     * @param workDir   scratch space, such as {@code .workbench/check}
     * @param classPath the library, the lessons' checks and JUnit: this JVM's own class path will do
     */
    public Checker(Path workDir, String classPath, Limits limits) {
        this.workDir = workDir;
        this.limits = limits;
        this.compiler = new ExerciseCompiler(classPath);
        this.jvm = new CheckJvm(classPath, limits);
    }

    /** Checks {@code source}, which need not be the learner's copy: the build checks solutions too. */
    public CheckReport check(Exercise exercise, Path source) {
        return check(exercise, source, CheckScope.ALL);
    }

    /** Checks {@code source} with the hidden tests {@code scope} selects. */
    public CheckReport check(Exercise exercise, Path source, CheckScope scope) {
        return check(exercise, source, scope, event -> { });
    }

    /** Checks as {@link #check(Exercise, Path, CheckScope)} does, telling {@code progress} each test's start and end. */
    public CheckReport check(Exercise exercise, Path source, CheckScope scope, Consumer<CheckEvents.Event> progress) {
        Path scratch = workDir.resolve(exercise.name());
        try (ScratchLock held = ScratchLock.tryAcquire(scratch)) {
            if (held == null) {
                return new CheckReport(exercise, CheckReport.Status.ERROR, List.of(), List.of(), "Another check of "
                        + exercise.name() + " is running, from another terminal or console; this one did not start,"
                        + " so that neither spoils the other. Check again once it has ended.", "",
                        CheckTimings.compiledOnly(Duration.ZERO));
            }
            return check(exercise, source, scope, progress, scratch);
        }
    }

    private CheckReport check(Exercise exercise, Path source, CheckScope scope, Consumer<CheckEvents.Event> progress,
                              Path scratch) {
        long start = System.nanoTime();
        Path classes = scratch.resolve("classes");
        List<ExerciseCompiler.CompileError> errors = compiler.compile(source, classes);
        Duration compile = since(start);
        if (!errors.isEmpty()) {
            return new CheckReport(exercise, CheckReport.Status.ERROR, errors, List.of(), null, "",
                    CheckTimings.compiledOnly(compile));
        }
        CheckJvm.Run run = jvm.run(exercise.checks(), scope, source, classes, scratch.resolve("events.jsonl"),
                event -> {
                    if (event.kind() == CheckEvents.Kind.STARTED || event.kind() == CheckEvents.Kind.FINISHED) {
                        progress.accept(event);
                    }
                });
        Map<String, CheckReport.TestResult> tests = new LinkedHashMap<>();
        String running = null;
        for (CheckEvents.Event event : run.events()) {
            switch (event.kind()) {
                case STARTED -> running = event.test();
                case FINISHED -> {
                    tests.put(event.test(), new CheckReport.TestResult(event.test(), event.status(),
                            event.message(), event.observed()));
                    running = event.test().equals(running) ? null : running;
                }
                case READY, CLASS_STARTED, CLASS_FINISHED -> { }
            }
        }
        String problem = problem(run, Optional.ofNullable(running), exercise).orElse(null);
        if (problem == null && tests.isEmpty()) {
            problem = "No hidden test ran: the check class " + exercise.checks()
                    + " has none. This is not about your answer.";
        }
        return new CheckReport(exercise, status(problem, tests.values()), List.of(), List.copyOf(tests.values()),
                problem, run.output(), CheckTimings.of(compile, run.launched(), run.events(), run.exited(),
                        Instant.now()));
    }

    private Optional<String> problem(CheckJvm.Run run, Optional<String> running, Exercise exercise) {
        String during = running.map(test -> " while checking \"" + test + "\"").orElse("");
        if (run.flooded()) {
            return Optional.of("Your code printed more than " + limits.floodBytes() / (1024 * 1024)
                    + " MB" + during + ", so the check was stopped. Remove the print in your loop.");
        }
        if (run.timedOut()) {
            return Optional.of("The check ran longer than " + limits.wallClock().toSeconds() + " s" + during
                    + " and was stopped. Where its threads were:\n\n"
                    + ThreadDumps.relevantTo(run.threadDump(), exercise.className()));
        }
        if (run.exitCode() == EXIT_ON_CTRL_C) {
            return Optional.of("The check was stopped by Ctrl-C" + during + ", before its verdict. Nothing was"
                    + " recorded: your file and your progress are as they were.");
        }
        if (run.exitCode() != 0 && run.ranOutOfMemory()) {
            return Optional.of("Your code ran out of memory (the heap is capped at " + limits.heap() + ")"
                    + during + ". Look for a collection that only grows.");
        }
        if (running.isEmpty() && run.events().isEmpty()) {
            return Optional.of("The check JVM stopped before any check ran (exit status " + run.exitCode()
                    + "). This is not about your answer: see its output below, and report it if it persists.");
        }
        if (run.exitCode() != 0 || running.isPresent()) {
            return Optional.of("The check JVM exited with status " + run.exitCode() + during
                    + ". Does your code call System.exit or Runtime.halt? Return a value instead.");
        }
        return Optional.empty();
    }

    private static CheckReport.Status status(String problem, Iterable<CheckReport.TestResult> tests) {
        if (problem != null) {
            return CheckReport.Status.ERROR;
        }
        for (CheckReport.TestResult test : tests) {
            if (!test.passed()) {
                return CheckReport.Status.FAIL;
            }
        }
        return CheckReport.Status.PASS;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
