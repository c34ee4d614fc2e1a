package workbench.console.markdown;

import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;

/** Code blocks: indented, never wrapped (a wrapped line would not paste back), highlighted when styled. */
final class CodeBlockRenderer implements NodeRenderer {

    private static final String INDENT = "    ";

    private final RenderContext context;

    CodeBlockRenderer(RenderContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        String code;
        String language;
        if (node instanceof FencedCodeBlock fenced) {
            code = fenced.getLiteral();
            language = fenced.getInfo() == null ? "" : fenced.getInfo().strip();
        } else {
            code = ((IndentedCodeBlock) node).getLiteral();
            language = "";
        }
        code = code.stripTrailing();
        TerminalWriter writer = context.writer();
        String shown = writer.styled() ? context.highlighter().highlight(code, language) : code;
        writer.startBlock();
        shown.lines().forEach(line -> writer.preformatted(INDENT + line));
        writer.endBlock();
    }
}
