package workbench.console.lab;

import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * What evaluating one input did.
 *
 * @param events JShell's events for the input (empty when the lab JVM died meanwhile)
 * @param ending how the evaluation ended
 */
public record Evaluation(List<SnippetEvent> events, Ending ending) {

    /** How an evaluation ended. */
    public enum Ending {
        /** Ran to the end, normally or with an exception the events carry. */
        COMPLETED,
        /** The learner stopped it (Ctrl-C) and it stopped. */
        STOPPED,
        /** The lab JVM died or was killed; a fresh one is starting. */
        LAB_DIED
    }

    public Evaluation {
        events = List.copyOf(events);
    }
}
