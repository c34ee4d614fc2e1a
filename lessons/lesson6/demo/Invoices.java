package lesson6.demo;

import java.time.Duration;

/** Totals an order's invoice lines. One of the sites of {@link CarrierService}. */
final class Invoices extends Site {

    Invoices(Role role, Duration pause) {
        super(role, pause);
    }

    @Override
    void work() throws InterruptedException {
        switch (role()) {
            case PINS_IN_NATIVE, PINS_IN_INITIALIZER -> Thread.sleep(pause());
            case WAITS_ON_MONITOR -> {
                synchronized (monitor()) {
                    monitor().wait(pause().toMillis());
                }
            }
            default -> compute();
        }
    }
}
