package workbench.console.repl;

import java.util.regex.Pattern;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import workbench.console.markdown.CodeHighlighter;

/**
 * Java colours from jline's nanorc highlighter, for the input line and the lessons' code blocks;
 * a command line shows its command in bold.
 */
final class JavaHighlighter implements Highlighter {

    private static final String NANORC = "classpath:/workbench/console/repl/java.nanorc";

    private final SyntaxHighlighter syntax = SyntaxHighlighter.build(NANORC);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (Command.isCommandLine(buffer)) {
            int end = buffer.indexOf(' ');
            end = end < 0 ? buffer.length() : end;
            return new AttributedStringBuilder()
                    .styled(AttributedStyle.BOLD, buffer.substring(0, end))
                    .append(buffer.substring(end))
                    .toAttributedString();
        }
        return syntax.highlight(buffer);
    }

    /** The same colours for fenced code blocks in lesson text; other languages stay plain. */
    CodeHighlighter forCodeBlocks() {
        return (code, language) -> language.isEmpty() || language.equalsIgnoreCase("java")
                ? syntax.highlight(code).toAnsi() : code;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // errors are reported after evaluation, not while typing
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // see setErrorPattern
    }
}
