package workbench.console.course;

/**
 * A lesson's demo as its metadata describes it.
 *
 * @param name      what the learner types after {@code /demo start}
 * @param className the class implementing {@code workbench.harness.Demo}
 * @param about     one line on what misbehaves
 */
public record DemoSpec(String name, String className, String about) {
}
