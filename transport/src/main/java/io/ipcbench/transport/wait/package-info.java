/**
 * How a shared-memory end waits: polling with an idle strategy (spin, yield, backoff, park) or
 * sleeping on a futex doorbell in the shared mapping. The wait is the synchronisation cost that
 * shared memory trades the kernel's copies for, so it is a dimension of every comparison.
 *
 * <p>The doorbell is a Dekker handshake: the waiter announces itself with a locked increment and
 * looks again; the ringer publishes, fences and then looks for a waiter. One of them always sees
 * the other, so no wake-up is lost, and while the reader keeps up no system call is made.
 */
package io.ipcbench.transport.wait;
