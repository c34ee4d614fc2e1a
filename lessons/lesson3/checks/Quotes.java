package lesson3.checks;

import java.io.IOException;
import java.util.List;

/** How the checks of exercise {@code fix-the-leak} see a quote service: the learner's and the reference fix. */
interface Quotes extends AutoCloseable {

    String quote(String sku, int quantity) throws IOException, InterruptedException;

    List<String> audited();

    @Override
    void close();
}
