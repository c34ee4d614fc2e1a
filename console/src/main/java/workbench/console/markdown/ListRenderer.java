package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.renderer.NodeRenderer;

/** Bullet and ordered lists, nested: each item's first line carries its marker, the rest align under it. */
final class ListRenderer implements NodeRenderer {

    private final RenderContext context;

    ListRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(BulletList.class, OrderedList.class);
    }

    @Override
    public void render(Node node) {
        ListBlock list = (ListBlock) node;
        TerminalWriter writer = context.writer();
        writer.startBlock();
        writer.pushTight(list.isTight());
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        int markerWidth = list instanceof OrderedList ? Integer.toString(number + countItems(list) - 1).length() + 2 : 2;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : bullet(writer);
            writer.pushPrefix(" ".repeat(markerWidth - marker.length()) + marker, " ".repeat(markerWidth), null);
            context.renderChildren(item);
            writer.popPrefix();
        }
        writer.popTight();
        writer.endBlock();
    }

    private static String bullet(TerminalWriter writer) {
        return writer.styled() ? "\u2022 " : "- ";
    }

    private static int countItems(ListBlock list) {
        int count = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            count++;
        }
        return count;
    }
}
