package io.ipcbench.transport.message;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cache-line aligned block of direct memory owned by one end, seen both as an Agrona
 * {@link UnsafeBuffer} (for headers and ring copies) and as a {@link ByteBuffer} (for channel I/O).
 * Allocated once at start; nothing on the hot path allocates.
 */
public final class MessageBuffer
{
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;

    public MessageBuffer(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity must be positive: capacity=" + capacity);
        }
        byteBuffer = BufferUtil.allocateDirectAligned(align(capacity, 64), 64).order(ByteOrder.nativeOrder());
        buffer = new UnsafeBuffer(byteBuffer, 0, capacity);
    }

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** The same memory for channel I/O; callers set position and limit themselves. */
    public ByteBuffer byteBuffer()
    {
        return byteBuffer;
    }

    public int capacity()
    {
        return buffer.capacity();
    }

    public long address()
    {
        return buffer.addressOffset();
    }

    private static int align(final int value, final int alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
