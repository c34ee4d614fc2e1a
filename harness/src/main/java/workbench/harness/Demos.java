package workbench.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demos running in this JVM, by name. The console calls it in the lab JVM; learners call
 * {@link #get(String)} to reach a running demo.
 *
 * <pre>{@code
 * Demos.start("hot-polling", "lesson1.demo.HotPolling");
 * var demo = (HotPolling) Demos.get("hot-polling");
 * Demos.stop("hot-polling");
 * }</pre>
 */
public final class Demos {

    private static final Map<String, Demo> RUNNING = new LinkedHashMap<>();

    private Demos() {
    }

    /**
     * Starts the demo class under the given name, unless one runs under that name already.
     *
     * @return the demo's status after it started
     */
    public static synchronized String start(String name, String className) throws Exception {
        Demo running = RUNNING.get(name);
        if (running != null) {
            return name + " is already running: " + running.status();
        }
        Demo demo = (Demo) Class.forName(className).getConstructor().newInstance();
        demo.start();
        RUNNING.put(name, demo);
        return name + " started: " + demo.status();
    }

    /** Stops the named demo; says so when it was not running. */
    public static synchronized String stop(String name) {
        Demo demo = RUNNING.remove(name);
        if (demo == null) {
            return name + " is not running.";
        }
        demo.close();
        return name + " stopped.";
    }

    /** The running demo of that name. */
    public static synchronized Demo get(String name) {
        Demo demo = RUNNING.get(name);
        if (demo == null) {
            throw new IllegalStateException(name + " is not running; start it with /demo start " + name);
        }
        return demo;
    }

    /** One line per running demo, or a note that none runs. */
    public static synchronized String status() {
        if (RUNNING.isEmpty()) {
            return "No demo is running.";
        }
        return RUNNING.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().status())
                .collect(Collectors.joining("\n"));
    }
}
