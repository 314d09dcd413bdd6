/**
 * Everything both ends of a point share: the message channel contract ({@link io.ipcbench.transport.MessageChannel}),
 * the five transports behind it, and how an end is configured ({@link io.ipcbench.transport.ChannelConfig}).
 *
 * <p>Every transport is a real channel between two OS processes. The consumer creates the
 * rendezvous (socket, FIFOs, ring files, queues) in the point's private directory and publishes it
 * under its final name only when complete; the producer waits for that name with a deadline.
 * Both directions exist for every transport, because ping-pong echoes every byte back.
 */
package io.ipcbench.transport;
