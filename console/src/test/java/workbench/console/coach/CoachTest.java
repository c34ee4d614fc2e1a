package workbench.console.coach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.console.course.Course;
import workbench.console.course.ProgressStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learner's requests to the coach on a small course in a git checkout of its own. */
class CoachTest {

    private static final String STUB = "package fixture;\n\npublic class Sum {\n    // TODO add them up\n}\n";

    @TempDir
    Path root;

    private Coach coach;

    @BeforeEach
    void writeCourse() throws Exception {
        write("lessons/lesson1/lesson.yaml", """
                title: Adding
                summary: A course of one exercise.
                exercises:
                  - name: sum
                    file: fixture/Sum.java
                    kind: diagnose
                    checks: workbench.console.check.fixture.SumCheck
                    about: Add numbers.
                    hints:
                      - "A nudge."
                      - "A push."
                      - "Almost the answer."
                """);
        write("lessons/lesson1/lesson.md", "# Adding\n\n## Page\n\nText.\n");
        write("exercises/fixture/Sum.java", STUB);
        write("solutions/fixture/Sum.java", "package fixture;\n\npublic class Sum {\n    // the answer\n}\n");
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "course");
        coach = new Coach(Course.load(root), new ProgressStore(root.resolve(".workbench/progress.json")),
                new Checker(root.resolve(".workbench/check"), System.getProperty("java.class.path"), Limits.DEFAULT));
    }

    @Test
    void aLessonThatDoesNotExistIsCalledALesson() {
        assertThatThrownBy(() -> coach.check("lesson9", line -> { }))
                .hasMessage("There is no lesson9. The lessons are lesson1 to lesson1; `./workbench list` shows them"
                        + " with their exercises.");
    }

    @Test
    void hintsGoOneStepFurtherEachTimeAndStayOnTheLast() {
        assertThat(coach.hint("sum")).contains("Hint 1 of 3").contains("A nudge.").doesNotContain("A push.");
        assertThat(coach.hint("sum")).contains("Hint 2 of 3").contains("A push.");
        assertThat(coach.hint("sum")).contains("Hint 3 of 3").contains("Almost the answer.").contains("last hint");
        assertThat(coach.hint(null)).contains("Hint 3 of 3");
        assertThat(coach.progress().of("sum").hintsShown()).isEqualTo(3);
    }

    @Test
    void theSolutionShowsOnlyWhenAskedTwiceOrForced() {
        assertThat(coach.solution("sum", false)).contains("not passed").doesNotContain("the answer");
        assertThat(coach.solution("sum", false)).contains("// the answer");
        assertThat(coach.solution("sum", true)).contains("// the answer");
    }

    @Test
    void adviceNamesCommandsAsTypedWhereItIsRead() {
        assertThat(coach.solution("sum", false)).contains("Try `./workbench hint sum` first.");
        assertThat(coach.inConsole().check("sum", line -> { }).markdown()).contains("Stuck? `/hint sum` gives");
        coach.hint("sum");
        coach.hint("sum");
        assertThat(coach.inConsole().hint("sum")).contains("`/solution sum` shows the reference answer");
    }

    /** A check refused because another check of the exercise is running has not judged anything a hint could mend. */
    @Test
    void aCheckRefusedWhileAnotherRunsOffersNoHint() throws IOException {
        Path lockFile = root.resolve(".workbench/check/sum/.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel otherCheck = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = otherCheck.lock()) {
            assertThat(coach.inConsole().check("sum", line -> { }).markdown())
                    .contains("Another check of sum is running").doesNotContain("Stuck?");
        }
    }

    @Test
    void theSolutionShowsAtOnceForAForcedFirstRequest() {
        assertThat(coach.solution("sum", true)).contains("// the answer");
    }

    @Test
    void resetRestoresTheCommittedStubAndKeepsTheLearnersVersion() throws IOException {
        String mine = "package fixture;\n\npublic class Sum {\n    // my own attempt\n}\n";
        write("exercises/fixture/Sum.java", mine);

        String said = coach.reset("sum");

        assertThat(Files.readString(root.resolve("exercises/fixture/Sum.java"))).isEqualTo(STUB);
        try (var backups = Files.list(root.resolve(".workbench/backups"))) {
            List<Path> kept = backups.toList();
            assertThat(kept).singleElement().satisfies(b -> assertThat(Files.readString(b)).isEqualTo(mine));
            assertThat(said).contains(root.relativize(kept.getFirst()).toString());
        }
    }

    @Test
    void theCourseMapShowsWhereTheLearnerIs() {
        coach.hint("sum");
        assertThat(coach.list()).contains("lesson1: Adding ← you are here").contains("| sum | diagnose | not yet (1 hint) |");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0).as("git %s", command).isTrue();
    }
}
