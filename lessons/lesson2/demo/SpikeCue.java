package lesson2.demo;

/**
 * What a spike of {@link AllocationSpikes} waits for before it begins, once its quiet time is over: nothing in the
 * console; in a hidden check, the moment a watcher has just read the allocation counter, so that the spike's first
 * bytes fall at the start of a tick of that watcher's counter rather than anywhere in it.
 */
@FunctionalInterface
public interface SpikeCue {

    /** Begins every spike as soon as its quiet time is over. */
    SpikeCue NONE = () -> { };

    /** Returns when the next spike may begin. */
    void await() throws InterruptedException;
}
