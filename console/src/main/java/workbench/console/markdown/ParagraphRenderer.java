package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;

/** Paragraphs: inline content wrapped to the width. */
final class ParagraphRenderer implements NodeRenderer {

    private final RenderContext context;

    ParagraphRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Paragraph.class);
    }

    @Override
    public void render(Node node) {
        context.writer().startBlock();
        context.renderChildren(node);
        context.writer().endBlock();
    }
}
