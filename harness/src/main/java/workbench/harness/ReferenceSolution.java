package workbench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * The course's reference answer to an exercise, loaded beside the learner's class of the same name, so that a fix
 * is measured against the reference fix in the same run: same machine, same moment, same load.
 *
 * <p>The build copies the compiled solutions under {@code reference/} into this module's jar. A class loader of
 * their own defines them from there, so their names never meet the learner's classes. Checks drive both answers
 * through one small interface of their own:
 *
 * <pre>{@code
 * interface Page extends AutoCloseable { String render(String id); void close(); }
 *
 * try (Page reference = ReferenceSolution.create(Page.class, StatusPage.class);
 *      Page yours = ReferenceSolution.view(Page.class, new StatusPage())) { ... }
 * }</pre>
 */
public final class ReferenceSolution {

    private static final String FOLDER = "reference/";

    private ReferenceSolution() {
    }

    /** The reference class that answers the exercise whose learner class is {@code exercise}. */
    public static Class<?> classOf(Class<?> exercise) {
        try {
            return Class.forName(exercise.getName(), true, new Loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The build did not package the reference solution "
                    + exercise.getName() + " under " + FOLDER + "; rebuild the workbench", e);
        }
    }

    /**
     * A new instance of the reference class, seen through {@code view}.
     *
     * @param args the constructor's arguments; their types must be the library's or the JDK's
     */
    public static <T> T create(Class<T> view, Class<?> exercise, Object... args) {
        Class<?> reference = classOf(exercise);
        Class<?>[] types = Arrays.stream(args).map(Object::getClass).toArray(Class<?>[]::new);
        try {
            for (var constructor : reference.getConstructors()) {
                if (fits(constructor.getParameterTypes(), types)) {
                    return view(view, constructor.newInstance(args));
                }
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The reference " + exercise.getSimpleName() + " failed to start",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(exercise.getName() + " has no public constructor for "
                + Arrays.toString(types));
    }

    /**
     * {@code target} seen through {@code view}: each method of the interface calls the target's public method of
     * the same name and parameter types. Works for the learner's instances as well as the reference's.
     */
    public static <T> T view(Class<T> view, Object target) {
        InvocationHandler forward = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Method same = target.getClass().getMethod(method.getName(), method.getParameterTypes());
            try {
                return same.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return view.cast(Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[] {view}, forward));
    }

    private static boolean fits(Class<?>[] parameters, Class<?>[] arguments) {
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAssignableFrom(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    /** Defines the classes found under {@code reference/} itself; everything else comes from the check's loader. */
    private static final class Loader extends ClassLoader {

        Loader() {
            super("reference-solutions", ReferenceSolution.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = referenceBytes(name);
                    loaded = bytes == null ? super.loadClass(name, false) : defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private byte[] referenceBytes(String name) {
            try (InputStream in = getParent().getResourceAsStream(FOLDER + name.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
