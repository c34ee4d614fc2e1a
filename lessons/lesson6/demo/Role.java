package lesson6.demo;

/** What one site of {@link CarrierService} does with each request, drawn by the {@link Plan}. */
public enum Role {
    /** Blocks inside a callback from native code: the virtual thread is pinned and holds its carrier meanwhile. */
    PINS_IN_NATIVE,
    /**
     * Blocks inside the static initializer of a class loaded afresh for the request: the virtual thread is pinned
     * while the initializer runs, and its carrier with it.
     */
    PINS_IN_INITIALIZER,
    /** Blocks in {@code Object.wait} inside {@code synchronized}: since JDK 24 the virtual thread lets its carrier go. */
    WAITS_ON_MONITOR,
    /** Computes without blocking: the virtual thread holds its carrier until it is done. */
    COMPUTES,
    /** Computes inside a callback from native code, never blocking there: native frames, but never pinned. */
    COMPUTES_IN_NATIVE;

    /** Whether a request of this role blocks while pinned. */
    public boolean pins() {
        return this == PINS_IN_NATIVE || this == PINS_IN_INITIALIZER;
    }
}
