/**
 * What the checks of several lessons share and that needs the diagnostics library, which the check harness
 * ({@code workbench.harness}) does without.
 */
package workbench.checks;
