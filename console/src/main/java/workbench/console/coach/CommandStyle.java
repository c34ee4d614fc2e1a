package workbench.console.coach;

/** How the learner types a workbench command where the coach's advice is read: in the shell or the console. */
public enum CommandStyle {

    SHELL("./workbench "),
    CONSOLE("/");

    private final String prefix;

    CommandStyle(String prefix) {
        this.prefix = prefix;
    }

    /** The command as Markdown code, ready to type: {@code `./workbench hint x`} or {@code `/hint x`}. */
    String of(String command) {
        return "`" + prefix + command + "`";
    }
}
