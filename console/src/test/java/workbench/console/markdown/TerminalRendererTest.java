package workbench.console.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalRendererTest {

    private static String plain(String markdown, int width) {
        return TerminalRenderer.builder().width(width).styled(false).build().renderMarkdown(markdown);
    }

    @Test
    void headingsAreUnderlinedInPlainText() {
        assertEquals("""
                Reading metrics
                ===============

                The catalogue
                -------------

                Costs
                """, plain("# Reading metrics\n\n## The catalogue\n\n### Costs\n", 40));
    }

    @Test
    void paragraphsWrapAtTheWidthAndKeepInlineMarkup() {
        assertEquals("""
                Read *heap* usage with
                `getHeapMemoryUsage`: it
                does not stop the world.
                """.replace("*heap*", "heap"), plain("Read *heap* usage with `getHeapMemoryUsage`: it does **not** stop the world.", 24));
    }

    @Test
    void linksShowTheirUrlUnlessItIsTheirText() {
        assertEquals("""
                See the JFR docs (https://openjdk.org/jfr) or
                https://example.org.
                """, plain("See [the JFR docs](https://openjdk.org/jfr) or <https://example.org>.", 50));
    }

    @Test
    void nestedListsIndentUnderTheirMarker() {
        assertEquals("""
                - heap
                  - young
                  - old
                - threads

                 9. nine
                10. ten
                """, plain("- heap\n  - young\n  - old\n- threads\n\n9. nine\n10. ten\n", 40));
    }

    @Test
    void looseListItemsAreSeparated() {
        assertEquals("""
                - one

                - two
                """, plain("- one\n\n- two\n", 40));
    }

    @Test
    void blockQuotesCarryABarOnEveryLineAndWrapInsideIt() {
        assertEquals("""
                > A safepoint stops every
                > thread.
                >
                > Briefly.
                """, plain("> A safepoint stops every thread.\n>\n> Briefly.\n", 26));
    }

    @Test
    void codeBlocksAreIndentedAndNeverWrapped() {
        assertEquals("""
                Try:

                    var usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();

                Done.
                """, plain("Try:\n\n```java\nvar usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();\n```\n\nDone.\n", 30));
    }

    @Test
    void tablesFitTheirColumnsToTheWidth() {
        String table = """
                | call | safepoint |
                |---|---|
                | getHeapMemoryUsage | no |
                | dumpAllThreads with locked synchronizers | yes, grows with the heap |
                """;
        assertEquals("""
                call               | safepoint
                -------------------+------------
                getHeapMemoryUsage | no
                dumpAllThreads     | yes, grows
                with locked        | with the
                synchronizers      | heap
                """, plain(table, 32));
    }

    @Test
    void tableCellsAlignAsTheDelimiterRowSays() {
        assertEquals("""
                name |  cost
                -----+------
                a    | 0.2us
                bb   |   1ms
                """, plain("| name | cost |\n|:--|--:|\n| a | 0.2us |\n| bb | 1ms |\n", 40));
    }

    /** A wide character takes two columns of the terminal, not one, and the column widens for it. */
    @Test
    void tableColumnsMeasureWideCharactersByTheirColumns() {
        assertEquals("""
                city   | p99
                -------+----
                東京   | 4ms
                Berlin | 2ms
                """, plain("| city | p99 |\n|---|---|\n| 東京 | 4ms |\n| Berlin | 2ms |\n", 40));
    }

    @Test
    void thematicBreaksSpanTheWidth() {
        assertEquals("""
                above

                --------------------

                below
                """, plain("above\n\n---\n\nbelow\n", 20));
    }

    @Test
    void plainOutputHasNoEscapeCodes() {
        String rendered = plain("# T\n\n*a* **b** `c` [d](http://e)\n\n> q\n\n| x |\n|---|\n| y |\n", 40);
        assertFalse(rendered.contains("\u001b"), rendered);
    }

    @Test
    void styledOutputPaintsInlineMarkupAndHighlightsCode() {
        String rendered = TerminalRenderer.builder().width(40).styled(true)
                .codeHighlighter((code, language) -> "<" + language + ">" + code)
                .build().renderMarkdown("**bold** and `code`\n\n```java\nint x;\n```\n");
        assertTrue(rendered.contains("\u001b[1mbold\u001b[0m"), rendered);
        assertTrue(rendered.contains("\u001b[36mcode\u001b[0m"), rendered);
        assertTrue(rendered.contains("    <java>int x;"), rendered);
    }
}
