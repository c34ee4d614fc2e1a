package lesson6.demo;

/**
 * A tenant's plugin, loaded afresh for each request by {@link PluginLoader}: its static initializer runs the
 * request's work, the way an initializer that reads its configuration or warms a cache runs application code.
 */
public final class TenantPlugin {

    static {
        PluginLoader.runPending();
    }

    private TenantPlugin() {
    }
}
