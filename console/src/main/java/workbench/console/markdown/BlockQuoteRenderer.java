package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/** Block quotes: a bar before every line of their content. */
final class BlockQuoteRenderer implements NodeRenderer {

    private final RenderContext context;

    BlockQuoteRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(BlockQuote.class);
    }

    @Override
    public void render(Node node) {
        TerminalWriter writer = context.writer();
        writer.startBlock();
        String bar = writer.styled() ? "\u2502 " : "> ";
        writer.pushPrefix(bar, bar, Style.QUOTE);
        writer.pushTight(false);
        context.renderChildren(node);
        writer.popTight();
        writer.popPrefix();
        writer.endBlock();
    }
}
