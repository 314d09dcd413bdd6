/**
 * Message framing over a byte stream (sockets, pipes): a frame goes out in one blocking write; the
 * reader takes whatever the kernel holds, up to a buffer that is a whole number of messages long,
 * and cuts messages out of it. Two kernel copies and (at least) two system calls per message.
 */
package io.ipcbench.transport.stream;
