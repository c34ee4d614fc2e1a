/**
 * What runs inside the lab and check JVMs: the demo contract and registry, the helpers hidden checks
 * use to start and observe misbehaving JVMs, and the runner that executes a check class.
 */
package workbench.harness;
