package lesson6.demo;

/** Looks up the tax rate of a region. One of the sites of {@link CarrierService}. */
final class TaxTables extends Site {

    TaxTables(Role role, int millis) {
        super(role, millis);
    }

    @Override
    void work() throws InterruptedException {
        switch (role()) {
            case PINS_IN_NATIVE -> Thread.sleep(millis());
            case WAITS_ON_MONITOR -> {
                synchronized (monitor()) {
                    monitor().wait(millis());
                }
            }
            default -> compute();
        }
    }
}
