package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;

/** Inline content: text, emphasis, inline code, links (text and URL) and line breaks. */
final class InlineRenderer implements NodeRenderer {

    private final RenderContext context;

    InlineRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Text.class, Emphasis.class, StrongEmphasis.class, Code.class, Link.class, Image.class,
                SoftLineBreak.class, HardLineBreak.class, HtmlInline.class);
    }

    @Override
    public void render(Node node) {
        TerminalWriter writer = context.writer();
        switch (node) {
            case Text text -> writer.text(text.getLiteral());
            case HtmlInline html -> writer.text(html.getLiteral());
            case Emphasis emphasis -> styled(emphasis, Style.EMPHASIS);
            case StrongEmphasis strong -> styled(strong, Style.STRONG);
            case Code code -> code(writer, code.getLiteral());
            case Link link -> link(writer, link, link.getDestination());
            case Image image -> {
                writer.text("[image: ");
                context.renderChildren(image);
                writer.text("]");
                url(writer, image.getDestination());
            }
            case SoftLineBreak ignored -> writer.space();
            case HardLineBreak ignored -> writer.lineBreak();
            default -> context.renderChildren(node);
        }
    }

    private void styled(Node node, Style style) {
        context.writer().pushStyle(style);
        context.renderChildren(node);
        context.writer().popStyle();
    }

    private static void code(TerminalWriter writer, String code) {
        String shown = writer.styled() ? code : "`" + code + "`";
        writer.pushStyle(Style.CODE);
        if (TerminalWriter.visibleWidth(shown) <= writer.available() / 2) {
            writer.unbreakable(shown);
        } else {
            writer.text(shown);
        }
        writer.popStyle();
    }

    private void link(TerminalWriter writer, Link link, String destination) {
        String text = context.renderApart(link, Integer.MAX_VALUE / 2).strip();
        writer.pushStyle(Style.LINK);
        context.renderChildren(link);
        writer.popStyle();
        if (!stripStyles(text).equals(destination)) {
            url(writer, destination);
        }
    }

    private static void url(TerminalWriter writer, String destination) {
        writer.space();
        writer.pushStyle(Style.URL);
        writer.unbreakable("(" + destination + ")");
        writer.popStyle();
    }

    private static String stripStyles(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
