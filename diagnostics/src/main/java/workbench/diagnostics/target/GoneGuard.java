package workbench.diagnostics.target;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * Wraps the proxies of another JVM's MXBeans so that a lost connection surfaces as one {@link TargetGoneException}
 * instead of an {@code UndeclaredThrowableException} around an RMI exception.
 */
final class GoneGuard {

    private GoneGuard() {
    }

    static <T> T guard(Class<T> type, T bean, long pid) {
        if (bean == null) {
            return null;
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(bean, args);
            } catch (InvocationTargetException e) {
                throw translate(e.getCause(), pid);
            }
        }));
    }

    /** A lost connection as a {@link TargetGoneException}; anything else as it was thrown. */
    static Throwable translate(Throwable thrown, long pid) {
        Throwable cause = thrown instanceof UndeclaredThrowableException undeclared ? undeclared.getCause() : thrown;
        return cause instanceof IOException lost ? new TargetGoneException(pid, lost) : thrown;
    }
}
