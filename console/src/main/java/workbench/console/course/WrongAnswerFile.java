package workbench.console.course;

/** The shape of a wrong answer's {@code expect.yaml}, as Jackson reads it. */
record WrongAnswerFile(String rejectedBy, String author, String misconception) {
}
