/**
 * Agrona OneToOneRingBuffer over files mapped from /dev/shm, one ring per direction. The writer
 * copies a frame in, the reader copies it out into memory of its own: two copies, as a socket
 * makes, but no system call unless a futex waiter must be woken.
 */
package io.ipcbench.transport.agrona;
