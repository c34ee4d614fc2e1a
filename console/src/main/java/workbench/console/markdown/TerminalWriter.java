package workbench.console.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * All layout state of the terminal renderer in one place: indent prefixes (list bullets, quote
 * bars), block separation, list tightness, active styles and word wrapping to the width.
 */
final class TerminalWriter {

    private static final String RESET = "\u001b[0m";

    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final boolean styled;
    private final Deque<Prefix> prefixes = new ArrayDeque<>();
    private final Deque<Style> styles = new ArrayDeque<>();
    private final Deque<Boolean> tightness = new ArrayDeque<>();
    private final List<Segment> word = new ArrayList<>();
    private int column;
    private boolean lineOpen;
    private boolean spaceBeforeWord;
    private boolean blankLineDue;
    private boolean anythingWritten;

    TerminalWriter(int width, boolean styled) {
        this.width = Math.max(1, width);
        this.styled = styled;
    }

    boolean styled() {
        return styled;
    }

    int width() {
        return width;
    }

    /** Columns left for text after the current prefixes. */
    int available() {
        return width - prefixWidth();
    }

    /** Starts a block: separated from the previous block by a blank line unless inside a tight list. */
    void startBlock() {
        endLine();
        if (blankLineDue && anythingWritten) {
            openBlankLine();
            endLine();
        }
        blankLineDue = false;
    }

    /** Ends a block; the next block gets a blank line before it, unless a tight list suppresses it. */
    void endBlock() {
        endLine();
        blankLineDue = !inTightList();
    }

    void pushTight(boolean tight) {
        tightness.push(tight);
    }

    void popTight() {
        tightness.pop();
    }

    private boolean inTightList() {
        return !tightness.isEmpty() && tightness.peek();
    }

    /** Indents following lines: {@code first} on the next line started, {@code rest} on the others. */
    void pushPrefix(String first, String rest, Style style) {
        prefixes.addLast(new Prefix(first, rest, style));
    }

    void popPrefix() {
        endLine();
        prefixes.removeLast();
    }

    void pushStyle(Style style) {
        styles.push(style);
    }

    void popStyle() {
        styles.pop();
    }

    /** Inline text: words wrap at the width, whitespace collapses to single spaces. */
    void text(String text) {
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                appendToWord(current);
                flushWord();
                spaceBeforeWord = true;
            } else {
                current.append(c);
            }
        }
        appendToWord(current);
    }

    /** Text that must not be broken at its spaces (inline code stays whole when it fits). */
    void unbreakable(String text) {
        StringBuilder current = new StringBuilder(text);
        appendToWord(current);
    }

    /** A space that may become a line break. */
    void space() {
        flushWord();
        spaceBeforeWord = true;
    }

    /** A hard line break inside a paragraph. */
    void lineBreak() {
        flushWord();
        endLine();
    }

    /** A line written as is, after the prefixes: code and table rows, never wrapped. */
    void preformatted(String line) {
        flushWord();
        endLine();
        openLine();
        out.append(line);
        endLine();
    }

    /** Finishes the current line, if one is open. */
    void endLine() {
        flushWord();
        closeLine();
        spaceBeforeWord = false;
    }

    /** Wraps {@code text} in {@code style}'s escape codes when styled output is on. */
    String paint(String text, Style style) {
        return styled && style != null && !text.isBlank() ? "\u001b[" + style.sgr() + "m" + text + RESET : text;
    }

    String result() {
        endLine();
        return out.toString();
    }

    private void appendToWord(StringBuilder text) {
        if (!text.isEmpty()) {
            word.add(new Segment(text.toString(), List.copyOf(styles)));
            text.setLength(0);
        }
    }

    private void flushWord() {
        if (word.isEmpty()) {
            return;
        }
        int wordWidth = word.stream().mapToInt(s -> visibleWidth(s.text)).sum();
        if (!lineOpen) {
            openLine();
        } else if (column + (spaceBeforeWord ? 1 : 0) + wordWidth > width && column > prefixWidth()) {
            closeLine();
            openLine();
        } else if (spaceBeforeWord && column > prefixWidth()) {
            out.append(' ');
            column++;
        }
        if (wordWidth > available()) {
            writeBroken();
        } else {
            for (Segment segment : word) {
                out.append(paintAll(segment.text, segment.styles));
                column += visibleWidth(segment.text);
            }
        }
        word.clear();
        spaceBeforeWord = false;
    }

    /** A word wider than the line (a long identifier in a narrow table column) is cut where the line ends. */
    private void writeBroken() {
        for (Segment segment : word) {
            int[] codePoints = segment.text.codePoints().toArray();
            int start = 0;
            while (start < codePoints.length) {
                if (column >= width) {
                    closeLine();
                    openLine();
                }
                int count = Math.min(codePoints.length - start, Math.max(1, width - column));
                out.append(paintAll(new String(codePoints, start, count), segment.styles));
                column += count;
                start += count;
            }
        }
    }

    private String paintAll(String text, List<Style> active) {
        if (!styled || active.isEmpty()) {
            return text;
        }
        StringBuilder sgr = new StringBuilder();
        for (Iterator<Style> it = active.reversed().iterator(); it.hasNext(); ) {
            sgr.append(it.next().sgr()).append(it.hasNext() ? ";" : "");
        }
        return "\u001b[" + sgr + "m" + text + RESET;
    }

    private void closeLine() {
        if (lineOpen) {
            trimTrailingSpaces();
            out.append('\n');
            lineOpen = false;
            column = 0;
        }
    }

    private void openLine() {
        StringBuilder prefix = new StringBuilder();
        for (Prefix p : prefixes) {
            prefix.append(paint(p.next(), p.style));
        }
        out.append(prefix);
        column = prefixWidth();
        lineOpen = true;
        anythingWritten = true;
    }

    /** A separating line shows the continuing prefixes (quote bars) but uses up no bullet. */
    private void openBlankLine() {
        for (Prefix p : prefixes) {
            out.append(paint(p.rest, p.style));
        }
        lineOpen = true;
    }

    private int prefixWidth() {
        return prefixes.stream().mapToInt(p -> p.rest.length()).sum();
    }

    private void trimTrailingSpaces() {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** Columns a text takes on the terminal: escape codes take none, and a wide character (東, 🙂) takes two. */
    static int visibleWidth(String text) {
        return AttributedString.fromAnsi(text).columnLength();
    }

    private record Segment(String text, List<Style> styles) {
    }

    /** One level of indentation; its first line may differ (a bullet) from the rest (spaces). */
    private static final class Prefix {
        private final String first;
        private final String rest;
        private final Style style;
        private boolean used;

        Prefix(String first, String rest, Style style) {
            this.first = first;
            this.rest = rest;
            this.style = style;
        }

        String next() {
            if (used) {
                return rest;
            }
            used = true;
            return first;
        }
    }
}
