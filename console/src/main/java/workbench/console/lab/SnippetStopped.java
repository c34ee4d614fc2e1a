package workbench.console.lab;

/**
 * Unwinds a snippet the console asked to stop. An {@link Error}, so that a snippet's
 * {@code catch (Exception e)} does not swallow it.
 */
public final class SnippetStopped extends Error {

    private static final long serialVersionUID = 1L;

    SnippetStopped() {
        super("snippet stopped", null, false, false);
    }
}
