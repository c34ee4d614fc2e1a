package lesson6.demo;

/** Scales uploaded pictures down. One of the sites of {@link CarrierService}. */
final class Thumbnails extends Site {

    Thumbnails(Role role, int millis) {
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
