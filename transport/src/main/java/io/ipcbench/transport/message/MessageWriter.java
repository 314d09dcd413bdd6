package io.ipcbench.transport.message;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds messages in a sender's own memory: header, payload stamp and, when verifying, the CRC32C.
 * {@link #prepare} lays the fixed pattern down once; {@link #write} is the per-message hot path.
 */
public final class MessageWriter
{
    private final UnsafeBuffer buffer;
    private final Payload payload;
    private final boolean checksum;

    public MessageWriter(final MessageBuffer memory, final VerifyMode verifyMode)
    {
        this.buffer = memory.buffer();
        this.payload = new Payload(memory);
        this.checksum = verifyMode == VerifyMode.CRC;
    }

    /** Fills the payload pattern of a message slot at {@code offset}; off the hot path. */
    public void prepare(final int offset, final int payloadLength)
    {
        Payload.fillPattern(buffer, offset + MessageHeader.LENGTH, payloadLength);
    }

    /**
     * Writes one message at {@code offset}.
     *
     * @return the wire length of the message.
     */
    public int write(final int offset, final long sequence, final int payloadLength, final long sendTimeNs)
    {
        final int payloadOffset = offset + MessageHeader.LENGTH;
        Payload.stamp(buffer, payloadOffset, payloadLength, sequence);
        buffer.putLong(offset + MessageHeader.SEQUENCE_OFFSET, sequence);
        buffer.putLong(offset + MessageHeader.TIMESTAMP_OFFSET, sendTimeNs);
        buffer.putInt(offset + MessageHeader.LENGTH_OFFSET, payloadLength);
        buffer.putInt(offset + MessageHeader.CHECKSUM_OFFSET, checksum ? payload.checksum(payloadOffset, payloadLength) : 0);
        return MessageHeader.LENGTH + payloadLength;
    }

    /** Writes a control marker (negative sequence, empty payload) at {@code offset}. */
    public int writeMarker(final int offset, final long marker, final long sendTimeNs)
    {
        buffer.putLong(offset + MessageHeader.SEQUENCE_OFFSET, marker);
        buffer.putLong(offset + MessageHeader.TIMESTAMP_OFFSET, sendTimeNs);
        buffer.putInt(offset + MessageHeader.LENGTH_OFFSET, 0);
        buffer.putInt(offset + MessageHeader.CHECKSUM_OFFSET, 0);
        return MessageHeader.LENGTH;
    }
}
