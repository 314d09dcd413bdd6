/** Unix domain stream socket: one socket, both directions. */
package io.ipcbench.transport.uds;
