/**
 * Chronicle Queue on tmpfs, one queue per direction, appender to tailer. Queues only grow; every
 * point gets fresh directories that the harness deletes, and a byte budget caps them.
 */
package io.ipcbench.transport.chronicle;
