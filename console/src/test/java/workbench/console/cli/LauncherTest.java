package workbench.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's build step, run on a copy of the script whose Maven wrapper is a stand-in that takes a few
 * seconds and notes when it starts and ends: one build at a time, stopping the launcher stops its build, and what
 * the launcher remembers between runs (the JDK, the start-up cache) is dropped when it no longer holds.
 */
class LauncherTest {

    /** Stands in for Maven: notes its start, "builds" a module for a while, makes the jar the launcher looks for. */
    private static final String FAKE_MAVEN = """
            #!/usr/bin/env bash
            root="$(cd "$(dirname "$0")" && pwd)"
            echo "start $$" >>"$root/builds.txt"
            echo "[INFO] Building Stand-in module [1/1]"
            sleep 4
            mkdir -p "$root/console/target"
            touch "$root/console/target/console.jar"
            echo "end $$" >>"$root/builds.txt"
            """;

    @TempDir
    Path root;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        Path launcher = root.resolve("workbench");
        Files.copy(Path.of("..", "workbench"), launcher);
        Files.writeString(root.resolve("mvnw"), FAKE_MAVEN);
        for (Path script : List.of(launcher, root.resolve("mvnw"))) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (String module : List.of("diagnostics", "lessons", "console", "solutions")) {
            Files.createDirectories(root.resolve(module));
        }
    }

    /**
     * Ctrl-C and a kill take the same trap. The test sends SIGTERM: a test JVM started in the background, as a build
     * often is, passes SIGINT on ignored, and bash cannot trap a signal ignored when it started.
     */
    @Test
    void stoppingTheLauncherDuringTheBuildStopsMavenAndSaysSo() throws Exception {
        Process launcher = start();
        awaitBuilds(1);
        new ProcessBuilder("kill", "-TERM", Long.toString(launcher.pid())).start().waitFor();

        assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(130);
        assertThat(stderr(launcher)).contains("Build stopped");
        Thread.sleep(Duration.ofSeconds(5));
        assertThat(builds()).as("the build was stopped before it ended").containsExactly("start");
        assertThat(root.resolve(".workbench/build.lock")).doesNotExist();
    }

    @Test
    void aSecondLauncherWaitsForTheFirstBuildInsteadOfStartingAnother() throws Exception {
        Process first = start();
        awaitBuilds(1);
        Process second = start();

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(second)).contains("Another workbench command is building");
        assertThat(builds()).containsExactly("start", "end");
        assertThat(root.resolve(".workbench/build.lock")).doesNotExist();
    }

    /** A stand-in build makes no console to train on: the console starts without a cache, and no run tries again. */
    @Test
    void aStartUpCacheThatCannotBeMadeIsNotTriedAgainOnEveryStart() throws Exception {
        Process first = start();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(first)).contains("Preparing the console's start-up cache", "could not be made");
        Process second = start();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(second)).doesNotContain("start-up cache");
    }

    /** The JDK found is remembered, but a remembered JDK that is gone is looked for again, not run. */
    @Test
    void aRememberedJdkThatIsGoneIsLookedForAgain() throws Exception {
        assertThat(start().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path memo = root.resolve(".workbench/jdk");
        List<String> remembered = Files.readAllLines(memo);
        assertThat(Path.of(remembered.get(1), "bin", "javac")).exists();

        Files.write(memo, List.of(remembered.get(0), root.resolve("no-such-jdk").toString()));
        Process again = start();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(again)).doesNotContain("no-such-jdk");
        assertThat(Files.readAllLines(memo)).isEqualTo(remembered);
    }

    /** The launcher, asked for its version: after the build it runs a console that is not there, which is fine. */
    private Process start() throws IOException {
        return new ProcessBuilder("bash", root.resolve("workbench").toString(), "--version")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void awaitBuilds(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (builds().size() < count) {
            assertThat(System.nanoTime()).as("a build started").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The stand-in Maven's notes, "start" and "end", in order. */
    private List<String> builds() throws IOException {
        Path notes = root.resolve("builds.txt");
        return Files.exists(notes)
                ? Files.readAllLines(notes).stream().map(line -> line.split(" ")[0]).toList() : List.of();
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes());
    }
}
