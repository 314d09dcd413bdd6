/**
 * The Linux calls ipcbench needs, through JNA direct mapping: affinity, getrusage, mkfifo, futex,
 * pipe sizing, flock, poll, and perf for counting system calls. Only primitive arguments cross on
 * anything called per message, so such calls allocate nothing.
 */
package io.ipcbench.transport.os;
