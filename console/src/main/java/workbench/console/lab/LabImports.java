package workbench.console.lab;

import java.util.List;
import java.util.Set;

/**
 * The imports every lab session starts with: each package of the diagnostics library, the lesson
 * harness and the current lesson's demos, as they are on the class path now (not a list that goes stale).
 */
public final class LabImports {

    private static final String LIBRARY = "workbench.diagnostics";
    private static final String HARNESS = "workbench.lessons.harness";

    private LabImports() {
    }

    /** Import statements for {@code lessonId} (e.g. {@code lesson1}) found on {@code classPath}. */
    public static List<String> forLesson(String classPath, String lessonId) {
        String demos = lessonId + ".demo";
        Set<String> packages = ClassPathPackages.find(classPath, p ->
                p.equals(LIBRARY) || p.startsWith(LIBRARY + ".") || p.equals(HARNESS) || p.equals(demos));
        return packages.stream().map(p -> "import " + p + ".*;").toList();
    }
}
