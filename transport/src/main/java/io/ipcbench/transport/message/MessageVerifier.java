package io.ipcbench.transport.message;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Checks a received message against what the sender must have sent: the expected sequence number
 * and length always, the payload's CRC32C when the run verifies checksums. The hot path returns a
 * status code; {@link #describe} builds the message that names the fault, once, when it happens.
 */
public final class MessageVerifier
{
    public static final int OK = 0;
    public static final int BAD_SEQUENCE = 1;
    public static final int BAD_LENGTH = 2;
    public static final int BAD_CHECKSUM = 3;

    private final UnsafeBuffer buffer;
    private final Payload payload;
    private final boolean checksum;

    public MessageVerifier(final MessageBuffer memory, final VerifyMode verifyMode)
    {
        this.buffer = memory.buffer();
        this.payload = new Payload(memory);
        this.checksum = verifyMode == VerifyMode.CRC;
    }

    public int verify(final int offset, final long expectedSequence, final int expectedLength)
    {
        if (buffer.getLong(offset + MessageHeader.SEQUENCE_OFFSET) != expectedSequence)
        {
            return BAD_SEQUENCE;
        }
        final int length = buffer.getInt(offset + MessageHeader.LENGTH_OFFSET);
        if (length != expectedLength)
        {
            return BAD_LENGTH;
        }
        if (checksum &&
            payload.checksum(offset + MessageHeader.LENGTH, length) != buffer.getInt(offset + MessageHeader.CHECKSUM_OFFSET))
        {
            return BAD_CHECKSUM;
        }
        return OK;
    }

    /** The text that names a failed check; cold path. */
    public String describe(final int status, final int offset, final long expectedSequence, final int expectedLength)
    {
        final long sequence = buffer.getLong(offset + MessageHeader.SEQUENCE_OFFSET);
        final int length = buffer.getInt(offset + MessageHeader.LENGTH_OFFSET);
        switch (status)
        {
            case BAD_SEQUENCE:
                return (sequence > expectedSequence ? "lost or reordered message: " : "duplicated or reordered message: ") +
                    "expected sequence=" + expectedSequence + " but received sequence=" + sequence;
            case BAD_LENGTH:
                return "truncated or corrupted message: sequence=" + sequence +
                    " expected length=" + expectedLength + " but header says length=" + length;
            case BAD_CHECKSUM:
                return "corrupted payload: sequence=" + sequence + " length=" + length + " CRC32C in header=" +
                    Integer.toHexString(buffer.getInt(offset + MessageHeader.CHECKSUM_OFFSET)) + " computed=" +
                    Integer.toHexString(payload.checksum(offset + MessageHeader.LENGTH, length));
            default:
                return "message ok: sequence=" + sequence;
        }
    }
}
