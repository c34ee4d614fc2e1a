package lesson1.checks;

/**
 * How the checks of exercise {@code fix-hot-path} see a status page, whichever class it is: the learner's, the
 * reference fix ({@link workbench.harness.ReferenceSolution}) or the original demo page.
 */
interface Page extends AutoCloseable {

    /** The JSON body answering one status request. */
    String render(String requestId);

    @Override
    void close();
}
