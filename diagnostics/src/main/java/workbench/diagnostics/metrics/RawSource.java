package workbench.diagnostics.metrics;

/** Reads the raw values behind every metric: from the beans in this JVM, or in few JMX round trips. */
interface RawSource {

    RawReading read();
}
