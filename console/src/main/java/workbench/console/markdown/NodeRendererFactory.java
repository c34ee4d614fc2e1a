package workbench.console.markdown;

import org.commonmark.renderer.NodeRenderer;

/** Creates the renderer for some node types, given the render in progress. */
@FunctionalInterface
interface NodeRendererFactory {
    NodeRenderer create(RenderContext context);
}
