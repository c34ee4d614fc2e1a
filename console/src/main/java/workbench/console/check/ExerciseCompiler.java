package workbench.console.check;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Compiles one learner file in this JVM with javac, against the library, into a folder of its own. */
final class ExerciseCompiler {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final String classPath;

    ExerciseCompiler(String classPath) {
        this.classPath = classPath;
    }

    /** Compiles {@code source} into {@code classes}, which is emptied first; returns the errors, if any. */
    List<CompileError> compile(Path source, Path classes) {
        Workspace.empty(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, null)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", classPath, "-g",
                    "-proc:none", "-implicit:none", "-Xlint:-options");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(source)).call();
            List<CompileError> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> CompileError.of(d, source))
                    .toList();
            if (!ok && errors.isEmpty()) {
                return List.of(new CompileError(source, 0, "javac failed without saying why", ""));
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A javac error, with the offending line so the learner need not open the file to see it. */
    record CompileError(Path file, long line, String message, String sourceLine) {

        static CompileError of(Diagnostic<? extends JavaFileObject> d, Path source) {
            String text = "";
            if (d.getLineNumber() > 0) {
                try {
                    text = Files.readAllLines(source).get((int) d.getLineNumber() - 1);
                } catch (IOException | IndexOutOfBoundsException e) {
                    text = "";
                }
            }
            return new CompileError(source, d.getLineNumber(), d.getMessage(Locale.ENGLISH), text);
        }
    }
}
