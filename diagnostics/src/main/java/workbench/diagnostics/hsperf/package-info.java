/** HotSpot's jvmstat performance counters (hsperfdata), read without disturbing the observed JVM. */
package workbench.diagnostics.hsperf;
