package workbench.console.lab;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * The lab JVM's side of the engine: loads snippet classes with stop checks woven in and runs each
 * snippet on a thread of its own, so that a stop request can interrupt it from the side channel.
 */
final class AgentExecutionControl extends DirectExecutionControl {

    private final StopCheckWeaver weaver = StopCheckWeaver.create();
    private volatile Thread snippetThread;
    private volatile boolean stopRequested;

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
            weaver.remember(c.name(), c.bytecodes());
        }
        super.load(Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), weaver.instrument(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofPlatform().name("jshell-snippet").unstarted(() -> {
            try {
                value[0] = doit.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        stopRequested = false;
        StopSignal.clear();
        snippetThread = thread;
        try {
            thread.start();
            thread.join();
        } finally {
            snippetThread = null;
            StopSignal.clear();
        }
        if (failure[0] != null) {
            if (stopRequested || isStop(failure[0])) {
                throw new StoppedException();
            }
            if (failure[0] instanceof Exception e) {
                throw e;
            }
            throw new InvocationTargetException(failure[0]);
        }
        return valueString(value[0]);
    }

    private static boolean isStop(Throwable t) {
        return t instanceof SnippetStopped || t.getCause() instanceof SnippetStopped;
    }

    /** Called from the stop channel's thread while the command thread waits for the snippet. */
    void stopRunningSnippet() {
        Thread running = snippetThread;
        if (running != null) {
            stopRequested = true;
            StopSignal.raise();
            running.interrupt();
        }
    }

    @Override
    public void stop() {
        stopRunningSnippet();
    }
}
