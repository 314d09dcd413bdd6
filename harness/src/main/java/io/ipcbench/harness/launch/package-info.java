/** Starting and watching producer/consumer JVM pairs, their private run directory, and the machine lock. */
package io.ipcbench.harness.launch;
