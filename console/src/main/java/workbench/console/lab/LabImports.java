package workbench.console.lab;

import workbench.harness.Demos;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The imports every lab session starts with: what the jshell tool imports by default, plus {@code java.time}
 * and {@code java.lang.management} (every lesson uses them), then each package of the diagnostics library,
 * the lesson harness and the current lesson's demos, as they are on the class path now (not a list that
 * goes stale). The JShell API itself imports nothing, so without these a lesson's snippets would not compile.
 */
public final class LabImports {

    private static final List<String> JDK = List.of("java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.regex", "java.util.stream",
            "java.time", "java.lang.management");
    private static final String LIBRARY = "workbench.diagnostics";
    private static final String HARNESS = Demos.class.getPackageName();

    private LabImports() {
    }

    /** Import statements for {@code lessonId} (e.g. {@code lesson1}) found on {@code classPath}. */
    public static List<String> forLesson(String classPath, String lessonId) {
        String demos = lessonId + ".demo";
        Set<String> packages = ClassPathPackages.find(classPath, p ->
                p.equals(LIBRARY) || p.startsWith(LIBRARY + ".") || p.equals(HARNESS) || p.equals(demos));
        return Stream.concat(JDK.stream(), packages.stream()).map(p -> "import " + p + ".*;").toList();
    }
}
