/** Two named pipes (FIFOs), one per direction, made with mkfifo(3) and sized with F_SETPIPE_SZ. */
package io.ipcbench.transport.pipe;
