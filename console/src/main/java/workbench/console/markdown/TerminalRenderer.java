package workbench.console.markdown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.renderer.Renderer;

/**
 * Renders CommonMark (with GFM tables) for a terminal: wrapped to a width, with ANSI styles or as
 * plain text. Built like commonmark's own renderers: one node renderer per node type, registered in
 * a builder, the first registered for a type winning.
 */
public final class TerminalRenderer implements Renderer {

    private static final int MIN_WIDTH = 20;

    private final int width;
    private final boolean styled;
    private final CodeHighlighter highlighter;
    private final List<NodeRendererFactory> factories;

    private TerminalRenderer(Builder builder) {
        this.width = builder.width;
        this.styled = builder.styled;
        this.highlighter = builder.highlighter;
        this.factories = List.copyOf(builder.factories);
    }

    /** A builder for 80 columns, styled, with no code highlighting. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void render(Node node, Appendable output) {
        try {
            output.append(render(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String render(Node node) {
        RenderContext context = new RenderContext(new TerminalWriter(width, styled), highlighter, factories);
        context.render(node);
        return context.writer().result();
    }

    /** Parses and renders Markdown text. */
    public String renderMarkdown(String markdown) {
        return render(Markdown.parse(markdown));
    }

    /** Configures a {@link TerminalRenderer}. */
    public static final class Builder {
        private int width = 80;
        private boolean styled = true;
        private CodeHighlighter highlighter = CodeHighlighter.NONE;
        private final List<NodeRendererFactory> factories = new ArrayList<>();

        private Builder() {
        }

        /** Columns to wrap at. */
        public Builder width(int width) {
            this.width = Math.max(MIN_WIDTH, width);
            return this;
        }

        /** ANSI styles when true, plain text when false. */
        public Builder styled(boolean styled) {
            this.styled = styled;
            return this;
        }

        /** Colours fenced code blocks in styled output. */
        public Builder codeHighlighter(CodeHighlighter highlighter) {
            this.highlighter = highlighter;
            return this;
        }

        Builder nodeRendererFactory(NodeRendererFactory factory) {
            factories.add(factory);
            return this;
        }

        public TerminalRenderer build() {
            // Core renderers come after any registered by the caller, so those win.
            nodeRendererFactory(HeadingRenderer::new);
            nodeRendererFactory(ParagraphRenderer::new);
            nodeRendererFactory(BlockQuoteRenderer::new);
            nodeRendererFactory(ListRenderer::new);
            nodeRendererFactory(CodeBlockRenderer::new);
            nodeRendererFactory(ThematicBreakRenderer::new);
            nodeRendererFactory(HtmlBlockRenderer::new);
            nodeRendererFactory(InlineRenderer::new);
            nodeRendererFactory(TableRenderer::new);
            return new TerminalRenderer(this);
        }
    }
}
