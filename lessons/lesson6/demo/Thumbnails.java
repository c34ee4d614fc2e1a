package lesson6.demo;

import java.time.Duration;

/** Scales uploaded pictures down. One of the sites of {@link CarrierService}. */
final class Thumbnails extends Site {

    Thumbnails(Role role, Duration pause) {
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
