package workbench.console.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/** Says what a snippet did, the way jshell does: values, declarations, compiler errors, exceptions. */
final class SnippetPrinter {

    private static final int MAX_FRAMES = 6;
    private static final int MAX_VALUE_CHARS = 600;

    /** The lines describing the events of one evaluated snippet. */
    List<String> describe(JShell shell, List<SnippetEvent> events) {
        List<String> lines = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                shell.diagnostics(snippet).forEach(d -> lines.addAll(diagnostic(snippet.source(), d)));
            } else if (event.exception() != null) {
                lines.addAll(exception(event.exception()));
            } else {
                lines.addAll(outcome(shell, event, events));
            }
        }
        return lines;
    }

    private static List<String> outcome(JShell shell, SnippetEvent event, List<SnippetEvent> events) {
        Snippet snippet = event.snippet();
        switch (snippet) {
            case VarSnippet printed when returnsTheStream(printed) -> {
                return List.of();
            }
            case VarSnippet variable -> {
                return List.of(variable.name() + " ==> " + shortened(event.value()));
            }
            case ExpressionSnippet expression when event.value() != null -> {
                return List.of(expression.name() + " ==> " + shortened(event.value()));
            }
            case DeclarationSnippet declaration when snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet -> {
                boolean replaced = events.stream().anyMatch(e -> e.causeSnippet() == snippet
                        && e.status() == Snippet.Status.OVERWRITTEN);
                String what = (replaced ? "replaced " : "created ") + kind(declaration) + " " + declaration.name()
                        + (snippet instanceof MethodSnippet method ? "(" + method.parameterTypes() + ")" : "");
                List<String> missing = shell.unresolvedDependencies(declaration).toList();
                return List.of(missing.isEmpty() ? what
                        : what + ", which cannot be used until " + String.join(", ", missing) + " is declared");
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * A bare {@code printf}, {@code format} or {@code append} returns the stream it wrote to: echoing it after the
     * output is noise.
     */
    private static boolean returnsTheStream(VarSnippet value) {
        return value.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && (value.typeName().equals("java.io.PrintStream") || value.typeName().equals("PrintStream"));
    }

    /** A huge value (an array of a million elements) would bury the prompt. */
    private static String shortened(String value) {
        return value == null || value.length() <= MAX_VALUE_CHARS ? value
                : value.substring(0, MAX_VALUE_CHARS) + " … (" + (value.length() - MAX_VALUE_CHARS) + " more characters)";
    }

    private static String kind(DeclarationSnippet declaration) {
        return switch (declaration.subKind()) {
            case METHOD_SUBKIND -> "method";
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case RECORD_SUBKIND -> "record";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            default -> "class";
        };
    }

    /** The compiler's message, then the offending source line with the offending part marked. */
    static List<String> diagnostic(String source, Diag diag) {
        List<String> lines = new ArrayList<>();
        List<String> message = diag.getMessage(Locale.ROOT).lines().toList();
        lines.add((diag.isError() ? "Error: " : "Warning: ") + (message.isEmpty() ? "" : message.getFirst()));
        // "location: class" names JShell's hidden wrapper class: noise to the learner.
        message.stream().skip(1).map(String::strip).filter(m -> !m.equals("location: class"))
                .forEach(m -> lines.add("  " + m));
        int start = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
        int end = (int) Math.max(start + 1, Math.min(diag.getEndPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start < lineStart) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', start);
        lineEnd = lineEnd < 0 ? source.length() : lineEnd;
        lines.add("    " + source.substring(lineStart, lineEnd));
        int markEnd = Math.min(end, lineEnd);
        lines.add("    " + " ".repeat(start - lineStart) + "^".repeat(Math.max(1, markEnd - start)));
        return lines;
    }

    /** The exception and the first frames of its stack, snippet frames shown as (#id:line). */
    static List<String> exception(JShellException exception) {
        List<String> lines = new ArrayList<>();
        if (exception instanceof UnresolvedReferenceException unresolved) {
            lines.add("Cannot run " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " yet: it uses something not declared yet.");
            return lines;
        }
        Throwable current = exception;
        String heading = "Exception ";
        while (current != null) {
            String type = current instanceof EvalException e ? e.getExceptionClassName() : current.getClass().getName();
            lines.add(heading + type + (current.getMessage() == null ? "" : ": " + current.getMessage()));
            lines.addAll(frames(current.getStackTrace()));
            current = current.getCause();
            heading = "Caused by: ";
        }
        return lines;
    }

    private static List<String> frames(StackTraceElement[] stack) {
        List<String> shown = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (isMachinery(frame) || shown.size() == MAX_FRAMES) {
                break;
            }
            shown.add("      at " + frame(frame));
        }
        int hidden = (int) java.util.Arrays.stream(stack).filter(f -> !isMachinery(f)).count() - shown.size();
        if (hidden > 0) {
            shown.add("      ... " + hidden + " more");
        }
        return shown;
    }

    private static String frame(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String method = frame.getMethodName();
            boolean snippetBody = method.isEmpty() || method.startsWith("do_it$");
            return (snippetBody ? "" : method + " ") + "(" + file + ":" + frame.getLineNumber() + ")";
        }
        return frame.toString();
    }

    /** Frames of the engine that runs snippets mean nothing to the learner. */
    private static boolean isMachinery(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("jdk.internal.reflect.") || type.startsWith("java.lang.reflect.")
                || type.startsWith("workbench.console.lab.") || type.startsWith("jdk.jshell.");
    }
}
