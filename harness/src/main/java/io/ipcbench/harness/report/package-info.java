/** What the user reads: the terminal summary and the cost tables. */
package io.ipcbench.harness.report;
