/**
 * The examples in the library's Javadoc, one {@code <Package>Snippets} class per library package. Each example
 * is a region ({@code // @start region="..."} to {@code // @end}) that a doc comment shows with
 * {@code {@snippet class="workbench.diagnostics.snippets.<Package>Snippets" region="..."}}.
 *
 * <p>Living here, the examples are compiled with the tests and can only use the public API, as a reader's code
 * would. When an example needs something from its caller (a pid, a target, the work to measure), the region is
 * the whole method, so its parameters say where those come from. {@code ExamplesTest} runs the quick ones;
 * {@code JavadocTest} proves every region a comment names exists.
 */
package workbench.diagnostics.snippets;
