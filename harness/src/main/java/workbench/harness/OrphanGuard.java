package workbench.harness;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every {@link LabProcess}: halts the JVM when its parent goes, then runs the real main.
 * A check JVM killed for running too long, or ended by {@code System.exit} in learner code, would
 * otherwise leave its children running.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        long parent = Long.parseLong(args[0]);
        ProcessHandle.of(parent).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
                () -> Runtime.getRuntime().halt(143));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
