package io.ipcbench.transport.message;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Payload content and its checksum.
 *
 * A payload is a fixed byte pattern with the message's sequence number stamped over its first and
 * last eight bytes, so that two consecutive payloads always differ: a transport that delivers a
 * fresh header over stale payload bytes fails the CRC32C check instead of passing unnoticed.
 * The checksum uses the JDK's intrinsic CRC32C over a direct buffer: no allocation, no copy.
 */
public final class Payload
{
    private final CRC32C crc32c = new CRC32C();
    private final ByteBuffer view;

    /** @param memory the memory whose payloads this instance stamps or checks. */
    public Payload(final MessageBuffer memory)
    {
        view = memory.byteBuffer().duplicate();
    }

    /** Writes the fixed pattern into {@code [offset, offset + length)}; done once, off the hot path. */
    public static void fillPattern(final UnsafeBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(offset + i, patternByte(i));
        }
    }

    public static byte patternByte(final int index)
    {
        return (byte)(index * 31 + 7);
    }

    /** Stamps {@code sequence} over the first and last (up to) eight bytes of the payload. */
    public static void stamp(final UnsafeBuffer buffer, final int payloadOffset, final int length, final long sequence)
    {
        if (length >= 16)
        {
            buffer.putLong(payloadOffset, sequence);
            buffer.putLong(payloadOffset + length - 8, ~sequence);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                buffer.putByte(payloadOffset + i, (byte)(sequence >>> ((i & 7) << 3)));
            }
        }
    }

    /** CRC32C of {@code [offset, offset + length)} of the memory given at construction. */
    public int checksum(final int offset, final int length)
    {
        crc32c.reset();
        view.limit(offset + length).position(offset);
        crc32c.update(view);
        return (int)crc32c.getValue();
    }
}
