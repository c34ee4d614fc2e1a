package workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;
import jdk.javadoc.doclet.StandardDoclet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's Javadoc builds cleanly: every external snippet resolves to a region of a class under
 * {@code src/test/java} (which test-compile has compiled), doclint finds nothing wrong, and every public type
 * says what it is for. Runs the JDK's javadoc in this JVM, so it needs no plugin and shows javadoc's own messages.
 */
class JavadocTest {

    @Test
    void buildsWithoutErrorsOrWarnings(@TempDir Path out) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        List<String> options = List.of(
                "-d", out.toString(),
                "-quiet",
                "-encoding", "UTF-8",
                // Presence of comments on members is not required (the missing group); everything else is.
                "-Xdoclint:all,-missing",
                "--snippet-path", "src/test/java",
                "-sourcepath", "src/main/java",
                // The test class path holds the compile class path (and test classes and JUnit, which do no harm).
                "-classpath", System.getProperty("java.class.path"),
                "-subpackages", "workbench.diagnostics");

        boolean succeeded = javadoc.getTask(null, null, diagnostics, TypeCommentsRequired.class, options, null).call();

        String problems = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
                .map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        assertTrue(succeeded && problems.isEmpty(), "javadoc reported:\n" + problems + "\n");
    }

    /**
     * The standard doclet, after refusing public types without a doc comment: doclint's {@code missing} group
     * would also demand a comment, {@code @param} and {@code @return} on every member, which this library does
     * not ask for.
     */
    public static final class TypeCommentsRequired extends StandardDoclet {

        private Reporter reporter;

        @Override
        public void init(Locale locale, Reporter reporter) {
            super.init(locale, reporter);
            this.reporter = reporter;
        }

        @Override
        public boolean run(DocletEnvironment environment) {
            boolean allCommented = true;
            for (TypeElement type : ElementFilter.typesIn(environment.getIncludedElements())) {
                if (environment.getElementUtils().getDocComment(type) == null) {
                    reporter.print(Diagnostic.Kind.ERROR, type,
                            "public type without a doc comment: say in a sentence what it is for");
                    allCommented = false;
                }
            }
            return super.run(environment) && allCommented;
        }
    }
}
