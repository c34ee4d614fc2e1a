package workbench.console.lab;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * Owns the JShell and its lab JVM: builds them in the background, evaluates snippets, stops runaway
 * ones, and replaces the lab JVM whenever it dies, telling the learner in one line.
 */
public final class LabSession implements AutoCloseable {

    static final long STOP_GRACE_MILLIS = 2000;
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final LabCommandLine commandLine;
    private final Supplier<List<String>> imports;
    private final PrintStream out;
    private final Consumer<String> notices;
    private final AtomicLong evals = new AtomicLong();
    private volatile CompletableFuture<Lab> current;
    private volatile Lab running;
    private volatile boolean stopRequested;

    /**
     * @param imports the imports every fresh lab starts with, worked out in the background (a class path scan)
     * @param out     where the lab's System.out and System.err go
     * @param notices one-line messages about the lab's life (restarts), shown between prompts
     */
    public LabSession(LabCommandLine commandLine, Supplier<List<String>> imports, PrintStream out,
                      Consumer<String> notices) {
        this.commandLine = commandLine;
        this.imports = imports;
        this.out = out;
        this.notices = notices;
    }

    /** Starts the lab JVM and JShell in the background; returns at once. */
    public void start() {
        current = launch();
    }

    /** The ready JShell, waiting for it if it is still starting. */
    public JShell shell() {
        return ready().shell;
    }

    /** The JShell if it is ready now: completion and highlighting must never wait for the lab. */
    public Optional<JShell> shellIfReady() {
        CompletableFuture<Lab> lab = current;
        return lab != null && lab.isDone() && !lab.isCompletedExceptionally()
                ? Optional.of(lab.join().shell) : Optional.empty();
    }

    /** Process id of the lab JVM. */
    public long pid() {
        return ready().process.pid();
    }

    /** Evaluates a snippet in the lab JVM, waiting for the lab if it is still starting. */
    public Evaluation eval(String source) {
        Lab lab = live();
        evals.incrementAndGet();
        stopRequested = false;
        running = lab;
        try {
            List<SnippetEvent> events = lab.shell.eval(source);
            if (lab.retired.get()) {
                return new Evaluation(List.of(), Evaluation.Ending.LAB_DIED);
            }
            return new Evaluation(events, stopRequested ? Evaluation.Ending.STOPPED : Evaluation.Ending.COMPLETED);
        } catch (IllegalStateException closed) {
            replace(lab);
            return new Evaluation(List.of(), Evaluation.Ending.LAB_DIED);
        } finally {
            running = null;
        }
    }

    /**
     * Stops the running snippet, if any. A snippet that ignores the stop for two seconds (a deadlock,
     * a blocking call that ignores interrupts) costs the lab JVM: it is killed and replaced.
     */
    public void stop() {
        Lab lab = running;
        if (lab == null) {
            return;
        }
        long eval = evals.get();
        stopRequested = true;
        lab.shell.stop();
        // A thread of its own: the common pool may be busy (it has one thread on a two-core machine).
        Thread.ofVirtual().name("lab-stop-watchdog").start(() -> {
            try {
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (running == lab && evals.get() == eval) {
                lab.exitNotice = LabMessages.KILLED_AFTER_STOP;
                lab.process.kill();
            }
        });
    }

    /** Replaces the lab JVM with a fresh one (variables are gone, imports are back). */
    public void reset() {
        CompletableFuture<Lab> old = current;
        current = launch();
        retire(old);
    }

    @Override
    public void close() {
        retire(current);
    }

    private Lab ready() {
        CompletableFuture<Lab> lab = current;
        if (lab == null) {
            throw new IllegalStateException("LabSession.start() was not called");
        }
        try {
            return lab.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new LabUnavailableException(LabMessages.cannotStart(cause), cause);
        }
    }

    /**
     * The lab to run a snippet in. One whose JVM has exited (a snippet called {@code System.exit}) is replaced here
     * if the exit has not been noticed yet: the next snippet belongs in the fresh lab, not lost with the old one.
     */
    private Lab live() {
        Lab lab = ready();
        if (!lab.process.isAlive()) {
            replace(lab);
            lab = ready();
        }
        return lab;
    }

    private static void retire(CompletableFuture<Lab> lab) {
        if (lab != null) {
            lab.thenAccept(l -> {
                l.retired.set(true);
                l.shell.close();
            });
        }
    }

    private CompletableFuture<Lab> launch() {
        CompletableFuture<Lab> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("lab-start").start(() -> {
            try {
                result.complete(build());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private Lab build() {
        LabJvm[] process = new LabJvm[1];
        JShell shell = JShell.builder()
                .executionEngine(new LabEngineProvider(commandLine, p -> process[0] = p), Map.of())
                .out(out)
                .err(out)
                .in(InputStream.nullInputStream())
                .build();
        Lab lab = new Lab(shell, process[0]);
        // Compiling the imports now also warms up javac, so the learner's first snippet is quick.
        imports.get().forEach(shell::eval);
        // Whichever comes first: JShell losing its engine mid-call, or the process ending while idle.
        shell.onShutdown(s -> replace(lab));
        lab.process.onExit().thenRun(() -> replace(lab));
        return lab;
    }

    /** Synchronized so that once a lab is retired here, the fresh one is already {@link #current}. */
    private synchronized void replace(Lab lab) {
        if (lab.retired.getAndSet(true)) {
            return;
        }
        current = launch();
        Thread.ofVirtual().name("lab-obituary").start(() -> {
            int exitCode = lab.process.awaitExit(EXIT_GRACE);
            notices.accept(lab.exitNotice != null ? lab.exitNotice : LabMessages.exited(exitCode, lab.process.ranOutOfMemory()));
            lab.shell.close();
        });
    }

    /** One generation of the lab: a JShell and the JVM it runs snippets in. */
    private static final class Lab {
        final JShell shell;
        final LabJvm process;
        final AtomicBoolean retired = new AtomicBoolean();
        volatile String exitNotice;

        Lab(JShell shell, LabJvm process) {
            this.shell = shell;
            this.process = process;
        }
    }
}
