package lesson6.demo;

import java.time.Duration;

/** Records who changed what, for the audit trail. One of the sites of {@link CarrierService}. */
final class AuditTrail extends Site {

    AuditTrail(Role role, Duration pause) {
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
