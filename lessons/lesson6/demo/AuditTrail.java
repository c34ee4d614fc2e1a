package lesson6.demo;

/** Records who changed what, for the audit trail. One of the sites of {@link CarrierService}. */
final class AuditTrail extends Site {

    AuditTrail(Role role, int millis) {
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
