package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/** Raw HTML blocks (in lessons: authors' comments) mean nothing on a terminal and are left out. */
final class HtmlBlockRenderer implements NodeRenderer {

    HtmlBlockRenderer(RenderContext context) {
        // nothing to write, so nothing to keep
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlBlock.class);
    }

    @Override
    public void render(Node node) {
        // deliberately empty: see the class comment
    }
}
