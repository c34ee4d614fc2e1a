package workbench.console.cli;

/** Prints the coach's Markdown on standard output. */
final class Output {

    private Output() {
    }

    static void markdown(String markdown) {
        System.out.println(markdown.strip());
    }
}
