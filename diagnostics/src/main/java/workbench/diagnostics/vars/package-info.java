/**
 * Application variables served over HTTP, the counterpart of Go's expvar:
 * {@link workbench.diagnostics.vars.Vars} registers them, {@link workbench.diagnostics.vars.VarsServer}
 * serves JSON at {@code /debug/vars} and Prometheus text at {@code /metrics}.
 */
package workbench.diagnostics.vars;
