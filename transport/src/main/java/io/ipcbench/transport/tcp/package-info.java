/** TCP over loopback with TCP_NODELAY: the baseline many users start from. */
package io.ipcbench.transport.tcp;
