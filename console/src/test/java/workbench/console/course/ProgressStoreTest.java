package workbench.console.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsProgressAcrossRuns() {
        Path file = dir.resolve("progress.json");
        new ProgressStore(file).update(p -> p.atPage("lesson2", 3)
                .withExercise("vital-signs", ExerciseProgress::withPassed)
                .withExercise("find-the-leak", e -> e.withHintsShown(2)));

        Progress read = new ProgressStore(file).current();

        assertThat(read.lesson()).isEqualTo("lesson2");
        assertThat(read.page("lesson2")).isEqualTo(3);
        assertThat(read.of("vital-signs").passed()).isTrue();
        assertThat(read.of("find-the-leak").hintsShown()).isEqualTo(2);
        assertThat(read.of("untouched")).isEqualTo(ExerciseProgress.NONE);
    }

    @Test
    void setsACorruptFileAsideWithAWarningAndStartsAfresh() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"lesson\": \"lesson1\", \"pages\": {");

        ProgressStore store = new ProgressStore(file);

        assertThat(store.current()).isEqualTo(Progress.empty());
        assertThat(store.takeWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("could not be read: it is not the JSON the workbench writes, from line 1")
                .doesNotContain("Unexpected").doesNotContain("com.fasterxml"));
        assertThat(store.takeWarning()).isEmpty();
        try (var kept = Files.list(dir)) {
            Path aside = kept.filter(p -> p.getFileName().toString().startsWith("progress.json.corrupt-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("{\"lesson\": \"lesson1\", \"pages\": {");
        }
        store.update(p -> p.atPage("lesson1", 1));
        assertThat(new ProgressStore(file).current().page("lesson1")).isEqualTo(1);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
        for (int i = 0; i < 5; i++) {
            int page = i;
            store.update(p -> p.atPage("lesson1", page));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("progress.json", ".progress.json.lock");
        }
    }

    @Test
    void twoStoresOnOneFileMergeTheirChanges() {
        Path file = dir.resolve("progress.json");
        ProgressStore console = new ProgressStore(file);
        ProgressStore check = new ProgressStore(file);

        check.update(p -> p.withExercise("vital-signs", ExerciseProgress::withPassed));
        console.update(p -> p.atPage("lesson1", 4));

        Progress saved = new ProgressStore(file).current();
        assertThat(saved.of("vital-signs").passed()).as("the console's page turn keeps the check's pass").isTrue();
        assertThat(saved.page("lesson1")).isEqualTo(4);
        assertThat(console.current().of("vital-signs").passed()).isTrue();
    }

    @Test
    void aFileHoldingNullIsCalledSoNotEmpty() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "null");
        assertThat(new ProgressStore(file).takeWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("it holds null instead of your progress"));
        Files.writeString(file, "  \n");
        assertThat(new ProgressStore(file).takeWarning()).hasValueSatisfying(w -> assertThat(w).contains("it is empty"));
    }

    @Test
    void goesOnWithoutSavingWhereItCannotWrite() throws Exception {
        Path blocked = dir.resolve("state");
        Files.writeString(blocked, "a file where the folder should be");
        ProgressStore store = new ProgressStore(blocked.resolve("progress.json"));

        Progress progress = store.update(p -> p.atPage("lesson1", 2));
        store.update(p -> p.withExercise("vital-signs", ExerciseProgress::withPassed));

        assertThat(progress.page("lesson1")).isEqualTo(2);
        assertThat(store.current().of("vital-signs").passed()).isTrue();
        assertThat(store.takeWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("cannot be saved in " + blocked).contains("keeps this run's progress in memory"));
    }
}
