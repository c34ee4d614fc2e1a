package workbench.console.course;

import java.util.ArrayList;
import java.util.List;

/** Splits a lesson's Markdown into pages, one per second-level heading. */
public final class Pages {

    private Pages() {
    }

    /** The literal text of each fenced block of that language (its info string) on a page, in order. */
    static List<String> fencedBlocks(String page, String language) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : page.split("\n", -1)) {
            if (block == null && line.strip().equals("```" + language)) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return List.copyOf(blocks);
    }

    /** The page with each fenced block of that language replaced, in order, by the given Markdown. */
    public static String replaceFencedBlocks(String page, String language, List<String> replacements) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean inBlock = false;
        for (String line : page.split("\n", -1)) {
            if (!inBlock && line.strip().equals("```" + language)) {
                inBlock = true;
                out.append(replacements.get(next++)).append('\n');
            } else if (inBlock && line.strip().equals("```")) {
                inBlock = false;
            } else if (!inBlock) {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    static List<String> split(String markdown) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            if (!inFence && line.startsWith("## ") && !page.toString().isBlank()) {
                pages.add(page.toString().strip());
                page.setLength(0);
            }
            page.append(line).append('\n');
        }
        if (!page.toString().isBlank()) {
            pages.add(page.toString().strip());
        }
        return List.copyOf(pages);
    }
}
