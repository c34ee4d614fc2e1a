package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;

/** Thematic breaks: a rule across the available width. */
final class ThematicBreakRenderer implements NodeRenderer {

    private final RenderContext context;

    ThematicBreakRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(ThematicBreak.class);
    }

    @Override
    public void render(Node node) {
        TerminalWriter writer = context.writer();
        writer.startBlock();
        String rule = (writer.styled() ? "\u2500" : "-").repeat(writer.available());
        writer.preformatted(writer.paint(rule, Style.RULE));
        writer.endBlock();
    }
}
