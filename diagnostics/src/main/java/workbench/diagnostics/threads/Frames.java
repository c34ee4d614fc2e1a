package workbench.diagnostics.threads;

/**
 * Stack frames as this library writes them, {@code class.method(file:line)}, and the one rule every tool of it
 * uses to skip frames that say nothing of where in the application a thread was.
 */
public final class Frames {

    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private Frames() {
    }

    static String of(StackTraceElement element) {
        String location = element.isNativeMethod() ? "Native Method"
                : element.getFileName() == null ? "Unknown Source"
                : element.getLineNumber() >= 0 ? element.getFileName() + ":" + element.getLineNumber()
                : element.getFileName();
        return element.getClassName() + "." + element.getMethodName() + "(" + location + ")";
    }

    /** Drops the module or class loader prefix of a JSON thread dump frame ({@code java.base/java.lang...}). */
    static String withoutModule(String frame) {
        int paren = frame.indexOf('(');
        int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
        return slash < 0 ? frame : frame.substring(slash + 1);
    }

    static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }

    /**
     * Whether {@code frame}, written in any of the library's forms, is the JDK's or a lambda's or hidden class's:
     * none of them says where a thread's work comes from.
     */
    public static boolean isInfrastructure(String frame) {
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
