package workbench.diagnostics.sched;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import workbench.diagnostics.threads.Frames;

/**
 * One time a virtual thread blocked while pinned to its carrier, as JFR's {@code jdk.VirtualThreadPinned} reports
 * it: the carrier stayed blocked with it for the whole {@code duration}, unavailable to every other virtual thread.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="pinning"}
 *
 * <p>On JDK 24 and later only two things still pin a virtual thread that blocks: a native frame on its stack (a
 * JNI method, or a foreign function that called back into Java) and a class initializer running on it.
 * {@code synchronized} and {@code Object.wait} no longer do (JEP 491).
 *
 * @param start             when the virtual thread blocked
 * @param duration          how long it stayed blocked, holding its carrier
 * @param thread            the virtual thread's name, empty when it has none
 * @param carrier           the carrier thread's name, such as {@code ForkJoinPool-1-worker-2}; empty when JFR did
 *                          not say (before JDK 25)
 * @param reason            why it was pinned, on JDK 25 {@code Native or VM frame on stack} or
 *                          {@code VM call to C.<clinit> on stack}; null before JDK 25
 * @param blockingOperation what it blocked in, such as {@code LockSupport.park}; null before JDK 25
 * @param stack             its frames, innermost first, as {@code class.method:line}; empty when the recording
 *                          took no stack traces
 */
public record PinnedEvent(Instant start, Duration duration, String thread, String carrier, String reason,
                          String blockingOperation, List<String> stack) {

    public PinnedEvent {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(carrier, "carrier");
        stack = List.copyOf(stack);
    }

    /**
     * Where in the application the virtual thread blocked while pinned: its innermost application frame as
     * {@code class.method}, skipping the JDK's frames (the park itself, the foreign-function and method-handle
     * machinery) and lambda frames. {@code <jdk>} when every frame is the JDK's.
     */
    public String site() {
        for (String frame : stack) {
            if (!Frames.isInfrastructure(frame)) {
                return StackFrames.method(frame);
            }
        }
        return StackFrames.JDK_ONLY;
    }

    static PinnedEvent of(RecordedEvent event) {
        return new PinnedEvent(event.getStartTime(), event.getDuration(), nameOf(event.getThread()),
                event.hasField("carrierThread") ? nameOf(event.getThread("carrierThread")) : "",
                event.hasField("pinnedReason") ? event.getString("pinnedReason") : null,
                event.hasField("blockingOperation") ? event.getString("blockingOperation") : null,
                framesOf(event.getStackTrace()));
    }

    private static String nameOf(RecordedThread thread) {
        return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    }

    private static List<String> framesOf(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        return trace.getFrames().stream().filter(RecordedFrame::isJavaFrame).map(StackFrames::of).toList();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s pinned %.1f ms on %s at %s (%s)",
                thread.isEmpty() ? "a virtual thread" : thread, duration.toNanos() / 1e6,
                carrier.isEmpty() ? "its carrier" : carrier, site(), reason == null ? "reason not recorded" : reason);
    }
}
