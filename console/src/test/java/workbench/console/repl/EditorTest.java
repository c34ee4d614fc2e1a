package workbench.console.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /edit}'s editor, with a stand-in editor script that appends a line to the file it is given. */
class EditorTest {

    @TempDir
    Path dir;

    @Test
    void visualComesBeforeEditorAndKeepsItsArguments() {
        assertThat(Editor.from(Map.of("VISUAL", "code --wait", "EDITOR", "vi"))).get()
                .isEqualTo(new Editor(List.of("code", "--wait")));
        assertThat(Editor.from(Map.of("VISUAL", " ", "EDITOR", "nano"))).get().isEqualTo(new Editor(List.of("nano")));
        assertThat(Editor.from(Map.of())).isEmpty();
    }

    @Test
    void opensTheFileAndWaitsForTheEditor() throws Exception {
        Path standIn = Files.writeString(dir.resolve("stand-in-editor"), """
                #!/bin/sh
                sleep 0.2
                echo "// edited with $1" >> "$2"
                echo "saved $2"
                """);
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
        Path exercise = Files.writeString(dir.resolve("VitalSigns.java"), "class VitalSigns {}\n");
        ScriptedIO io = new ScriptedIO(List.of(), 80);

        int exit = Editor.from(Map.of("EDITOR", standIn + " --wait")).orElseThrow().open(exercise, io);

        assertThat(exit).isZero();
        assertThat(Files.readString(exercise)).isEqualTo("class VitalSigns {}\n// edited with --wait\n");
        assertThat(io.transcript()).contains("saved " + exercise);
    }
}
