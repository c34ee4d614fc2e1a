package workbench.console.course;

import java.util.ArrayList;
import java.util.List;

/** Splits a lesson's Markdown into pages, one per second-level heading. */
final class Pages {

    private Pages() {
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
