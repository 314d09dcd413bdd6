package io.ipcbench.transport;

import io.ipcbench.transport.message.MessageBuffer;

import java.io.IOException;
import java.util.Map;

/**
 * One end of a two-way, process-to-process message channel: the producer sends forward and
 * receives the echo; the consumer receives forward and sends back.
 *
 * <p>A frame is one or more whole messages laid out back to back, handed to the transport in one
 * operation: one write(2) for a socket or pipe, one ring record, one queue document. Receiving
 * hands out single messages from the receiver's own memory, whatever frames they came in.
 * Both calls block (in the kernel, or with the channel's wait strategy for shared memory) and
 * allocate nothing.
 */
public interface MessageChannel extends AutoCloseable
{
    /** Sends bytes {@code [offset, offset + length)} of {@code source}: one frame of whole messages. */
    void send(MessageBuffer source, int offset, int length) throws IOException;

    /**
     * Waits for the next whole message and returns its offset in {@link #receiveBuffer()}. The
     * message stays valid until the next call to {@code receive}.
     */
    int receive() throws IOException;

    /** Memory of this end that received messages are copied into. */
    MessageBuffer receiveBuffer();

    /** What this end set up, for the results: buffer and ring sizes, socket options, the wait. */
    Map<String, String> properties();

    /** Releases what this end opened; safe to call twice. Removing rendezvous files is the harness's job. */
    @Override
    void close();
}
