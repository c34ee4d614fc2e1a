package workbench.diagnostics.sched;

import jdk.jfr.consumer.RecordedFrame;

/** Frames of a JFR stack trace written as {@code class.method:line}. */
final class StackFrames {

    static final String JDK_ONLY = "<jdk>";

    private StackFrames() {
    }

    static String of(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":"
                + frame.getLineNumber();
    }

    /** The frame without its line: {@code class.method}. */
    static String method(String frame) {
        int colon = frame.lastIndexOf(':');
        return colon < 0 ? frame : frame.substring(0, colon);
    }
}
