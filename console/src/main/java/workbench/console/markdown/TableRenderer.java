package workbench.console.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/**
 * GFM tables: columns as wide as their content, narrowed (widest first, cells wrapping) until the
 * table fits the available width.
 */
final class TableRenderer implements NodeRenderer {

    private static final int MIN_COLUMN = 4;
    private static final int UNBOUNDED = Integer.MAX_VALUE / 2;

    private final RenderContext context;

    TableRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(TableBlock.class);
    }

    @Override
    public void render(Node node) {
        TerminalWriter writer = context.writer();
        List<Row> rows = rows(node);
        int columns = rows.stream().mapToInt(r -> r.cells.size()).max().orElse(0);
        String separator = writer.styled() ? " \u2502 " : " | ";
        int[] widths = fit(measure(rows, columns), writer.available() - separator.length() * (columns - 1));
        writer.startBlock();
        for (Row row : rows) {
            writeRow(writer, row, widths, separator);
            if (row.header) {
                writeRule(writer, widths);
            }
        }
        writer.endBlock();
    }

    /** Per column: [0] the natural width, [1] the longest word (narrower would cut words). */
    private int[][] measure(List<Row> rows, int columns) {
        int[][] widths = new int[2][columns];
        for (Row row : rows) {
            for (int c = 0; c < row.cells.size(); c++) {
                String text = context.renderApart(row.cells.get(c), UNBOUNDED);
                for (String line : text.lines().toList()) {
                    widths[0][c] = Math.max(widths[0][c], TerminalWriter.visibleWidth(line));
                    for (String word : line.split(" ")) {
                        widths[1][c] = Math.max(widths[1][c], TerminalWriter.visibleWidth(word));
                    }
                }
            }
        }
        return widths;
    }

    /** Narrows the widest column, first among those still wider than their longest word, until the table fits. */
    private static int[] fit(int[][] measured, int budget) {
        int[] widths = measured[0].clone();
        int[] longestWord = measured[1];
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        while (total > budget) {
            int widest = widest(widths, c -> widths[c] > Math.max(longestWord[c], MIN_COLUMN));
            if (widest < 0) {
                widest = widest(widths, c -> widths[c] > MIN_COLUMN);
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static int widest(int[] widths, IntPredicate eligible) {
        int widest = -1;
        for (int c = 0; c < widths.length; c++) {
            if (eligible.test(c) && (widest < 0 || widths[c] > widths[widest])) {
                widest = c;
            }
        }
        return widest;
    }

    private void writeRow(TerminalWriter writer, Row row, int[] widths, String separator) {
        List<List<String>> cells = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = c < row.cells.size()
                    ? context.renderApart(row.cells.get(c), widths[c]).lines().toList() : List.of();
            cells.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                List<String> lines = cells.get(c);
                String cell = line < lines.size() ? lines.get(line) : "";
                TableCell.Alignment alignment = c < row.cells.size() ? row.cells.get(c).getAlignment() : null;
                String padded = pad(cell, widths[c], alignment);
                text.append(c == 0 ? "" : writer.paint(separator, Style.RULE))
                        .append(row.header ? writer.paint(padded, Style.TABLE_HEADER) : padded);
            }
            writer.preformatted(text.toString());
        }
    }

    private static void writeRule(TerminalWriter writer, int[] widths) {
        String dash = writer.styled() ? "\u2500" : "-";
        String cross = writer.styled() ? "\u2500\u253c\u2500" : "-+-";
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : cross).append(dash.repeat(widths[c]));
        }
        writer.preformatted(writer.paint(rule.toString(), Style.RULE));
    }

    private static String pad(String text, int width, TableCell.Alignment alignment) {
        int gap = Math.max(0, width - TerminalWriter.visibleWidth(text));
        if (alignment == TableCell.Alignment.RIGHT) {
            return " ".repeat(gap) + text;
        }
        if (alignment == TableCell.Alignment.CENTER) {
            return " ".repeat(gap / 2) + text + " ".repeat(gap - gap / 2);
        }
        return text + " ".repeat(gap);
    }

    private static List<Row> rows(Node table) {
        List<Row> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<TableCell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add((TableCell) cell);
                }
                rows.add(new Row(section instanceof TableHead, cells));
            }
        }
        return rows;
    }

    private record Row(boolean header, List<TableCell> cells) {
    }
}
