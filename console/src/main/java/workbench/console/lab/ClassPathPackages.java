package workbench.console.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The packages that hold classes on a class path, found by listing its jars and folders (and the
 * jars a jar's manifest Class-Path names, as a forked test JVM's class path does).
 */
public final class ClassPathPackages {

    private ClassPathPackages() {
    }

    /** The packages on {@code classPath} whose names {@code wanted} accepts, sorted. */
    public static Set<String> find(String classPath, Predicate<String> wanted) {
        Set<String> packages = new TreeSet<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                todo.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!todo.isEmpty()) {
            Path entry = todo.poll();
            if (!seen.add(entry) || !Files.exists(entry)) {
                continue;
            }
            try {
                if (Files.isDirectory(entry)) {
                    scanFolder(entry, packages);
                } else {
                    scanJar(entry, packages, todo);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read class path entry " + entry, e);
            }
        }
        packages.removeIf(wanted.negate());
        return packages;
    }

    private static void scanFolder(Path root, Set<String> packages) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f.getParent() == null ? root : f.getParent()))
                    .map(p -> p.toString().replace(File.separatorChar, '.'))
                    .filter(p -> !p.isEmpty())
                    .forEach(packages::add);
        }
    }

    private static void scanJar(Path jar, Set<String> packages, Deque<Path> todo) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && n.lastIndexOf('/') > 0 && !n.startsWith("META-INF/"))
                    .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                    .forEach(packages::add);
            Manifest manifest = file.getManifest();
            String linked = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (linked != null) {
                for (String url : linked.trim().split("\\s+")) {
                    todo.add(Path.of(jar.getParent().toUri().resolve(url)).normalize());
                }
            }
        }
    }
}
