// Wrong answer: fires when the live set is over a fixed size; a healthy service may live far above a young leak.
package lesson5;

import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;

public final class HeapLeakAlert {

    private static final double LIMIT_BYTES = 64 << 20;

    private HeapLeakAlert() {}

    public static boolean firing(Sampler watched) {
        return watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"))
                .latestValue() > LIMIT_BYTES;
    }
}
