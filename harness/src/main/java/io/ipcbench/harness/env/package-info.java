/** Where a run ran and under which conditions: read from the machine, never assumed. */
package io.ipcbench.harness.env;
