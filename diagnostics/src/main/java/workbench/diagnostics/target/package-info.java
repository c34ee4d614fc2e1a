/**
 * The JVM being observed: {@link workbench.diagnostics.target.Target#current()} or another local JVM by pid
 * through {@link workbench.diagnostics.target.Target#attach(long)}.
 */
package workbench.diagnostics.target;
