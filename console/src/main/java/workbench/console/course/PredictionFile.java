package workbench.console.course;

/** The shape of a {@code predict} block in {@code lesson.md}, as Jackson reads it. */
record PredictionFile(String id, String question, String unit, String band, String measure, String explain) {
}
