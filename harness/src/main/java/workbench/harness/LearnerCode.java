package workbench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells the learner's classes from everything else, to word failures in terms of the learner's own code:
 * where an exception was thrown, and where a timed-out test was stuck.
 */
final class LearnerCode {

    private final Path classes;
    private final String source;

    /**
     * @param source the learner's file, such as {@code exercises/lesson1/VitalSigns.java}, so that a place in it is
     *               named where an editor or a terminal can open it; null to name its file alone
     */
    LearnerCode(Path classes, String source) {
        this.classes = classes;
        this.source = source;
    }

    boolean owns(StackTraceElement frame) {
        String outer = frame.getClassName().split("\\$", 2)[0];
        return Files.exists(classes.resolve(outer.replace('.', '/') + ".class"));
    }

    /** The first frame in the learner's code, as {@code exercises/lesson1/File.java:12}, or empty when none is. */
    String where(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(this::owns)
                .findFirst()
                .map(f -> " at " + file(f) + ":" + f.getLineNumber() + " (" + f.getMethodName() + ")")
                .orElse("");
    }

    private String file(StackTraceElement frame) {
        boolean inSource = source != null && Path.of(source).getFileName().toString().equals(frame.getFileName());
        return inSource ? source : frame.getFileName();
    }

    /** Threads whose stacks pass through learner code: what a timed-out test was doing. */
    String stuckThreads() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, false);
        List<String> stuck = Arrays.stream(threads)
                .filter(t -> Arrays.stream(t.getStackTrace()).anyMatch(this::owns))
                .map(this::describe)
                .toList();
        return stuck.isEmpty() ? "" : "\nWhere your code was when time ran out:\n" + String.join("\n", stuck);
    }

    private String describe(ThreadInfo thread) {
        String waiting = thread.getLockName() == null ? "" : " waiting for " + thread.getLockName()
                + (thread.getLockOwnerName() == null ? "" : " held by \"" + thread.getLockOwnerName() + "\"");
        String frames = throughLearnerCode(thread.getStackTrace()).stream()
                .limit(12)
                .map(f -> "    at " + f)
                .collect(Collectors.joining("\n"));
        return "  \"" + thread.getThreadName() + "\" " + thread.getThreadState() + waiting + "\n" + frames;
    }

    /**
     * The stack from its top (where the thread spins or waits, maybe inside the JDK) down to the learner's outermost
     * frame and the one that called it, the check: the test framework's frames below say nothing to the learner.
     */
    private List<StackTraceElement> throughLearnerCode(StackTraceElement[] stack) {
        int outermost = -1;
        for (int i = 0; i < stack.length; i++) {
            if (owns(stack[i])) {
                outermost = i;
            }
        }
        return Arrays.asList(stack).subList(0, Math.min(stack.length, outermost + 2));
    }
}
