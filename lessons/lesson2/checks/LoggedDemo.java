package lesson2.checks;

import lesson2.demo.AllocationSpikes;

/**
 * The allocation-spikes demo, run as a service is run until it is shut down, with a last explicit collection
 * ({@code System.gc()}, as many shutdown hooks and libraries call): so that every log the checks read holds
 * full collections too, with the phase records they log beside their pauses.
 *
 * <p>Arguments: those of {@link AllocationSpikes#main}.
 */
public final class LoggedDemo {

    private LoggedDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        AllocationSpikes.main(args);
        System.gc();
    }
}
