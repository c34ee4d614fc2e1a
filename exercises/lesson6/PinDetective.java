package lesson6;

import java.io.IOException;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 *
 * <p>Try it in the console first: {@code /demo start carrier-service} runs the service in the lab JVM, whose Target
 * is {@code Target.current()}; restart it until a run starves its carriers by pinning. Check it with {@code /check}
 * or {@code ./workbench check find-the-pin}.
 */
public final class PinDetective {

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all: the innermost frame of the application's own code in a pinned virtual thread's stack, as
     * {@code class.method} (for example {@code lesson6.demo.Geocoder.work}); null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        // TODO: watch the service's JVM for a few seconds and find where its virtual threads block while pinned
        //  (lesson 6, "Pinning"). Slow is not pinned, and neither is blocked.
        return null;
    }
}
