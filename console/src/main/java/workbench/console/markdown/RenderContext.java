package workbench.console.markdown;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/** One render in progress: the writer and the node renderers, the first registered for a type winning. */
final class RenderContext {

    private final TerminalWriter writer;
    private final CodeHighlighter highlighter;
    private final List<NodeRendererFactory> factories;
    private final Map<Class<? extends Node>, NodeRenderer> renderers = new HashMap<>();

    RenderContext(TerminalWriter writer, CodeHighlighter highlighter, List<NodeRendererFactory> factories) {
        this.writer = writer;
        this.highlighter = highlighter;
        this.factories = factories;
        for (NodeRendererFactory factory : factories) {
            NodeRenderer renderer = factory.create(this);
            for (Class<? extends Node> type : renderer.getNodeTypes()) {
                renderers.putIfAbsent(type, renderer);
            }
        }
    }

    TerminalWriter writer() {
        return writer;
    }

    CodeHighlighter highlighter() {
        return highlighter;
    }

    /** Renders a node with its registered renderer; a node nobody claims shows its children. */
    void render(Node node) {
        NodeRenderer renderer = renderers.get(node.getClass());
        if (renderer != null) {
            renderer.render(node);
        } else {
            renderChildren(node);
        }
    }

    void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            render(child);
            child = next;
        }
    }

    /** Renders a node's children on their own, as a block {@code width} columns wide (a table cell). */
    String renderApart(Node parent, int width) {
        RenderContext apart = new RenderContext(new TerminalWriter(width, writer.styled()), highlighter, factories);
        apart.renderChildren(parent);
        return apart.writer().result();
    }
}
