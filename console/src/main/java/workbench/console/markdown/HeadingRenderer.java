package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/** Headings: coloured and bold when styled; underlined with = or - in plain text. */
final class HeadingRenderer implements NodeRenderer {

    private final RenderContext context;

    HeadingRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Heading.class);
    }

    @Override
    public void render(Node node) {
        Heading heading = (Heading) node;
        TerminalWriter writer = context.writer();
        writer.startBlock();
        if (writer.styled()) {
            writer.pushStyle(switch (heading.getLevel()) {
                case 1 -> Style.HEADING;
                case 2 -> Style.SUBHEADING;
                default -> Style.MINOR_HEADING;
            });
            context.renderChildren(heading);
            writer.popStyle();
            writer.endBlock();
        } else if (heading.getLevel() <= 2) {
            String title = context.renderApart(heading, writer.available()).strip();
            title.lines().forEach(writer::preformatted);
            int underline = title.lines().mapToInt(TerminalWriter::visibleWidth).max().orElse(0);
            writer.preformatted((heading.getLevel() == 1 ? "=" : "-").repeat(underline));
            writer.endBlock();
        } else {
            context.renderChildren(heading);
            writer.endBlock();
        }
    }
}
