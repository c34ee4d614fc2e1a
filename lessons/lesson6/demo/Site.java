package lesson6.demo;

/**
 * One kind of request of {@link CarrierService}: its role, how long each request blocks or computes, and how many
 * arrive a second. Each subclass does its work in its own {@code work()} method, so a stack trace names the site.
 */
abstract sealed class Site permits Geocoder, Thumbnails, TaxTables, Search, Invoices, AuditTrail {

    private final Role role;
    private final int millis;
    private final Object monitor = new Object();
    private long checksum;

    Site(Role role, int millis) {
        this.role = role;
        this.millis = millis;
    }

    /** One request. */
    final void handle() throws InterruptedException {
        switch (role) {
            case PINS_IN_NATIVE, COMPUTES_IN_NATIVE -> NativeSort.sortWith(this::work);
            default -> work();
        }
    }

    /** This site's own work: blocks or computes as its role says, on the site's own stack frame. */
    abstract void work() throws InterruptedException;

    final Role role() {
        return role;
    }

    final int millis() {
        return millis;
    }

    final Object monitor() {
        return monitor;
    }

    /** Busy work for about {@code millis} of one processor, never blocking. */
    final void compute() {
        checksum = Cpu.spin(millis * Cpu.STEPS_PER_MILLI, checksum);
    }
}
