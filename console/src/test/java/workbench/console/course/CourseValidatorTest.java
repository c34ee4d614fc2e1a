package workbench.console.course;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CourseValidatorTest {

    private static Course flawed() throws Exception {
        return Course.load(Path.of(CourseValidatorTest.class.getResource("/flawed-course").toURI()));
    }

    @Test
    void namesEveryFlawOfAFlawedCourse() throws Exception {
        assertThat(CourseValidator.problems(flawed())).containsExactlyInAnyOrder(
                "lesson1's demo ghost names class nowhere.Ghost, which does not exist",
                "lesson1's prediction on page 3 needs a band: x2 (within a factor) or ±5 (within a distance)",
                "sum: the stub is not marked TODO",
                "sum has 1 hints; it needs at least 2",
                "sum keeps 1 wrong answers; it needs at least 5",
                "sum keeps 0 wrong answers written without seeing the checks; it needs at least 3",
                "sum's wrong answer one names no hidden test that must reject it (rejectedBy in expect.yaml)",
                "sum's wrong answer one states no misconception (misconception in expect.yaml)",
                "sum's wrong answer one: author in expect.yaml must be independent or course",
                "exercise name sum is used twice",
                "sum: exercises/fixture/Product.java is missing",
                "sum: solutions/fixture/Product.java is missing",
                "sum: its checks class fixture.NoSuchCheck does not exist",
                "sum: kind must be diagnose or fix",
                "sum keeps 0 wrong answers; it needs at least 5",
                "sum keeps 0 wrong answers written without seeing the checks; it needs at least 3");
    }

    @Test
    void splitsPagesAtSecondLevelHeadingsButNotInsideCodeFences() throws Exception {
        Lesson lesson = flawed().lesson("lesson1");
        assertThat(lesson.pages()).hasSize(3);
        assertThat(lesson.pages().get(2)).startsWith("## Second page").contains("## not a heading inside a fence");
    }

    @Test
    void derivesTheClassNameFromTheFile() {
        Exercise exercise = new Exercise("x", "lesson1", "lesson1/VitalSigns.java", "fix", "c", "a", java.util.List.of());
        assertThat(exercise.className()).isEqualTo("lesson1.VitalSigns");
    }
}
