/**
 * Threads and thread leaks: {@link workbench.diagnostics.threads.ThreadSnapshots} takes snapshots of every thread
 * (platform and virtual) of this or another JVM, grouped by pool, family, origin or executor
 * ({@link workbench.diagnostics.threads.Grouping}); {@link workbench.diagnostics.threads.LeakFinder} follows
 * threads across snapshots to find pools that leak; {@link workbench.diagnostics.threads.LeakProfile} finds, in a
 * heap dump, threads blocked on something no live thread can reach.
 */
package workbench.diagnostics.threads;
