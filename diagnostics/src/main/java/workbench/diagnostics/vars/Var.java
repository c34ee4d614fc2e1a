package workbench.diagnostics.vars;

/**
 * A named application variable registered in {@link Vars}: a {@link Counter}, {@link Gauge},
 * {@link Histogram} or {@link VarMap}.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="var"}
 */
public sealed interface Var permits Counter, Gauge, Histogram, VarMap {

    /** The name, as served in JSON and (with a unit or {@code _total} suffix where due) in Prometheus text. */
    String name();

    /** One sentence on what it counts, served as Prometheus HELP. */
    String help();
}
