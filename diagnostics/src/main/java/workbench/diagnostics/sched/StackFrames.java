package workbench.diagnostics.sched;

import jdk.jfr.consumer.RecordedFrame;

/** Frames of a JFR stack trace written as {@code class.method:line}, and which of them are the application's. */
final class StackFrames {

    static final String JDK_ONLY = "<jdk>";
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

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

    /** JDK frames and lambda or hidden-class frames: none of them says where in the application a thread was. */
    static boolean isInfrastructure(String frame) {
        if (frame.contains("$$Lambda") || frame.contains("/0x") || frame.contains(".0x")) {
            return true;
        }
        for (String prefix : JDK_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
