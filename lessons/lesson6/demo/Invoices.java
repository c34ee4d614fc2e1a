package lesson6.demo;

/** Totals an order's invoice lines. One of the sites of {@link CarrierService}. */
final class Invoices extends Site {

    Invoices(Role role, int millis) {
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
