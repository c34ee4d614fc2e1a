package workbench.console.markdown;

/** The terminal styles lesson text uses, each an ANSI SGR parameter list. */
enum Style {
    STRONG("1"),
    EMPHASIS("3"),
    CODE("36"),
    HEADING("1;35"),
    SUBHEADING("1;36"),
    MINOR_HEADING("1"),
    LINK("4"),
    URL("2"),
    QUOTE("2"),
    RULE("2"),
    TABLE_HEADER("1");

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    String sgr() {
        return sgr;
    }
}
