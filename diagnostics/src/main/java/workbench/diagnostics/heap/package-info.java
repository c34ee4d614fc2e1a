/**
 * Heap dumps read without a library: {@link workbench.diagnostics.heap.HprofGraphReader} streams an HPROF file
 * into a {@link workbench.diagnostics.heap.HeapGraph}, the object graph with its GC roots and thread objects, as
 * the thread leak profile needs it.
 */
package workbench.diagnostics.heap;
