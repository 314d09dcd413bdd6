package io.ipcbench.transport.message;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.locks.LockSupport;

/**
 * Builds messages in a sender's own memory: header, payload stamp and, when verifying, the CRC32C.
 * {@link #prepareSlots} (same-size messages) or {@link #prepare} (mixed sizes) lays the payload
 * pattern down once; {@link #write} is the per-message hot path.
 *
 * <p>For same-size messages the payload is the pattern with only its first and last eight bytes
 * stamped, so the sender derives the CRC32C from the two stamps and the pattern's precomputed CRC
 * ({@link Crc32cCombine}) instead of reading the whole payload: checksumming costs the sender
 * about the same at every size, and reading every byte stays the receiver's work.
 */
public final class MessageWriter
{
    /** Slicing-by-8 tables for CRC32C: eight bytes in one step of independent lookups. */
    private static final int[] TABLES = tables();

    private final UnsafeBuffer buffer;
    private final Payload payload;
    private final boolean checksum;
    private int preparedLength = -1;
    private int middleCrc;
    private int[] middleShift;
    private final int[] stampShift = Crc32cCombine.tables(Crc32cCombine.shift(8));
    private final MessageFault fault;
    /** The one sequence number {@link #write} treats specially; negative (never a data message) when there is no fault. */
    private final long faultSequence;

    public MessageWriter(final MessageBuffer memory, final VerifyMode verifyMode)
    {
        this(memory, verifyMode, MessageFault.NONE);
    }

    /** A writer that builds {@code fault} into one message; for the fault tests. */
    public MessageWriter(final MessageBuffer memory, final VerifyMode verifyMode, final MessageFault fault)
    {
        this.buffer = memory.buffer();
        this.payload = new Payload(memory);
        this.checksum = verifyMode == VerifyMode.CRC;
        this.fault = fault;
        this.faultSequence = fault.kind() == MessageFault.Kind.NONE ? Long.MIN_VALUE : fault.sequence();
    }

    /** Fills the pattern over {@code [offset + header, offset + header + payloadLength)}; for mixed sizes. */
    public void prepare(final int offset, final int payloadLength)
    {
        preparedLength = -1;
        Payload.fillPattern(buffer, offset + MessageHeader.LENGTH, payloadLength);
    }

    /**
     * Lays out {@code count} back-to-back slots for messages of {@code payloadLength}, each with the
     * pattern counted from its own payload start, and precomputes the pattern's CRC between the stamps.
     */
    public void prepareSlots(final int count, final int payloadLength)
    {
        final int wire = MessageHeader.wireLength(payloadLength);
        for (int slot = 0; slot < count; slot++)
        {
            Payload.fillPattern(buffer, slot * wire + MessageHeader.LENGTH, payloadLength);
        }
        preparedLength = payloadLength;
        if (payloadLength >= 16)
        {
            middleCrc = payload.checksum(MessageHeader.LENGTH + 8, payloadLength - 16);
            middleShift = Crc32cCombine.tables(Crc32cCombine.shift(payloadLength - 16));
        }
    }

    /**
     * Writes one message at {@code offset}: a prepared slot when the length is the prepared one.
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
        final int crc;
        if (!checksum)
        {
            crc = 0;
        }
        else if (payloadLength == preparedLength && payloadLength >= 16)
        {
            final int head = Crc32cCombine.combineTables(crcOfLong(sequence), middleCrc, middleShift);
            crc = Crc32cCombine.combineTables(head, crcOfLong(~sequence), stampShift);
        }
        else
        {
            crc = payload.checksum(payloadOffset, payloadLength);
        }
        buffer.putInt(offset + MessageHeader.CHECKSUM_OFFSET, crc);
        // the fault tests' hook: one compare with a final field, never true in a measuring run
        if (sequence == faultSequence)
        {
            injectFault(offset, sequence, payloadLength);
        }
        return MessageHeader.LENGTH + payloadLength;
    }

    /** Cold path: spoils the message just written as the fault says. */
    private void injectFault(final int offset, final long sequence, final int payloadLength)
    {
        switch (fault.kind())
        {
            case FLIP_BYTE:
                // the first payload byte is stamped afresh for every message, so only this one is spoiled
                if (payloadLength > 0)
                {
                    final int index = offset + MessageHeader.LENGTH;
                    buffer.putByte(index, (byte)~buffer.getByte(index));
                }
                break;
            case SKIP_SEQUENCE:
                buffer.putLong(offset + MessageHeader.SEQUENCE_OFFSET, sequence + 1);
                break;
            case STALL:
                System.err.println("fault injected: stalling before message " + sequence + " (the process stays alive)");
                while (true)
                {
                    LockSupport.park(this);
                }
            default:
                break;
        }
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

    /** CRC32C of the eight little-endian bytes of {@code value}, as {@link Payload#stamp} lays them down. */
    static int crcOfLong(final long value)
    {
        final int low = ~(int)value;
        final int high = (int)(value >>> 32);
        final int crc = TABLES[7 * 256 + (low & 0xFF)] ^ TABLES[6 * 256 + ((low >>> 8) & 0xFF)] ^
            TABLES[5 * 256 + ((low >>> 16) & 0xFF)] ^ TABLES[4 * 256 + (low >>> 24)] ^
            TABLES[3 * 256 + (high & 0xFF)] ^ TABLES[2 * 256 + ((high >>> 8) & 0xFF)] ^
            TABLES[256 + ((high >>> 16) & 0xFF)] ^ TABLES[high >>> 24];
        return ~crc;
    }

    private static int[] tables()
    {
        final int[] tables = new int[8 * 256];
        for (int n = 0; n < 256; n++)
        {
            int c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0x82F63B78 ^ (c >>> 1) : c >>> 1;
            }
            tables[n] = c;
        }
        for (int n = 0; n < 256; n++)
        {
            for (int t = 1; t < 8; t++)
            {
                final int previous = tables[(t - 1) * 256 + n];
                tables[t * 256 + n] = tables[previous & 0xFF] ^ (previous >>> 8);
            }
        }
        return tables;
    }
}
