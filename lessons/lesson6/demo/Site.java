package lesson6.demo;

import java.time.Duration;

/**
 * One kind of request of {@link CarrierService}: its role and how long each request blocks or computes. Each
 * subclass does its work in its own {@code work()} method, so a stack trace names the site.
 */
abstract sealed class Site permits Geocoder, Thumbnails, TaxTables, Search, Invoices, AuditTrail {

    private final Role role;
    private final Duration pause;
    private final Object monitor = new Object();
    private long checksum;

    Site(Role role, Duration pause) {
        this.role = role;
        this.pause = pause;
    }

    /** One request. */
    final void handle() throws InterruptedException {
        switch (role) {
            case PINS_IN_NATIVE, COMPUTES_IN_NATIVE -> NativeSort.sortWith(this::work);
            case PINS_IN_INITIALIZER -> PluginLoader.loadWith(this::work);
            default -> work();
        }
    }

    /** This site's own work: blocks or computes as its role says, on the site's own stack frame. */
    abstract void work() throws InterruptedException;

    final Role role() {
        return role;
    }

    final Duration pause() {
        return pause;
    }

    final Object monitor() {
        return monitor;
    }

    /** Busy work for about {@code pause} of one processor, never blocking. */
    final void compute() {
        checksum = Cpu.spin(pause.toMillis() * Cpu.STEPS_PER_MILLI, checksum);
    }
}
