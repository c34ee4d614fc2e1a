package workbench.console.markdown;

/** Colours source code for the terminal; the renderer calls it only for styled output. */
@FunctionalInterface
public interface CodeHighlighter {

    /** Leaves code as it is. */
    CodeHighlighter NONE = (code, language) -> code;

    /**
     * @param code     the code block's text, lines separated by {@code \n}
     * @param language the fence's info string ({@code java}), empty when none was given
     * @return the same lines with ANSI escape codes added
     */
    String highlight(String code, String language);
}
