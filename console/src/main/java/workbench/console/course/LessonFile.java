package workbench.console.course;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The shape of {@code lesson.yaml}, as Jackson reads it. */
record LessonFile(String title, String summary, List<Demo> demos, List<Item> exercises) {

    record Demo(String name, @JsonProperty("class") String className, String about) {
    }

    record Item(String name, String file, String kind, String checks, String about, List<String> hints) {
    }
}
