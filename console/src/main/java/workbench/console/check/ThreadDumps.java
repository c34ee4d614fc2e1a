package workbench.console.check;

import java.util.Arrays;
import java.util.List;

/** Picks out of a jcmd thread dump the threads a learner needs to see. */
final class ThreadDumps {

    private static final int FALLBACK_LINES = 40;

    private ThreadDumps() {
    }

    /** The threads whose stacks pass through the learner's class; the top of the dump if none does. */
    static String relevantTo(String dump, String learnerClass) {
        if (dump == null || dump.isBlank()) {
            return "(no thread dump could be taken)";
        }
        List<String> blocks = Arrays.stream(dump.split("\n\\s*\n"))
                .filter(block -> block.contains("at " + learnerClass + ".") || block.contains("at " + learnerClass + "$"))
                .toList();
        if (!blocks.isEmpty()) {
            return String.join("\n\n", blocks);
        }
        return dump.lines().limit(FALLBACK_LINES).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
