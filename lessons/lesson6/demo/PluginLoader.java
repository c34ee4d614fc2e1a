package lesson6.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads {@link TenantPlugin} afresh for each request, by a class loader of its own, as a server does that keeps
 * each tenant's plugin or each compiled template apart: the plugin's static initializer runs the request's work,
 * and a virtual thread that blocks there is pinned, with JFR giving the initializer as the reason.
 *
 * <pre>{@code
 * PluginLoader.loadWith(() -> Thread.sleep(30));   // on a virtual thread: pinned to its carrier for 30 ms
 * }</pre>
 */
public final class PluginLoader {

    private static final String PLUGIN = TenantPlugin.class.getName();
    private static final byte[] BYTES = bytesOf(TenantPlugin.class);

    private PluginLoader() {
    }

    /** Defines and initializes a fresh copy of the plugin, whose static initializer runs {@code work}. */
    static void loadWith(NativeSort.Callback work) throws InterruptedException {
        Handoff.runThrough(work, () -> Class.forName(PLUGIN, true, new OwnLoader()));
    }

    /** Called by the plugin's static initializer, from a class loader of its own: hence public. */
    public static void runPending() {
        Handoff.runPending();
    }

    private static byte[] bytesOf(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the plugin itself, so that every loader has a copy to initialize; asks its parent for the rest. */
    private static final class OwnLoader extends ClassLoader {

        OwnLoader() {
            super(PluginLoader.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(PLUGIN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, BYTES, 0, BYTES.length);
            }
        }
    }
}
