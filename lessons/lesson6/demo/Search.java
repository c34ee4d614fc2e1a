package lesson6.demo;

/** Ranks products for a query. One of the sites of {@link CarrierService}. */
final class Search extends Site {

    Search(Role role, int millis) {
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
