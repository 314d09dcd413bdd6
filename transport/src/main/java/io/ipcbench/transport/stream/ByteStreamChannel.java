package io.ipcbench.transport.stream;

import io.ipcbench.transport.AbstractMessageChannel;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.message.MessageBuffer;
import org.agrona.CloseHelper;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A message channel over a byte stream (socket or pipe). A frame goes out in one blocking write;
 * the reader takes as many bytes as the kernel has, up to its buffer, and cuts messages out of
 * them. The buffer is a whole number of messages long, so same-size messages never straddle its
 * end and are never moved; mixed sizes are compacted when the next one would not fit.
 */
public class ByteStreamChannel extends AbstractMessageChannel
{
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final ByteBuffer readView;
    private final AutoCloseable[] resources;
    private final int capacity;
    private boolean closed;

    protected ByteStreamChannel(
        final ChannelConfig config, final ReadableByteChannel in, final WritableByteChannel out, final AutoCloseable... resources)
    {
        super(config, receiveCapacity(config));
        this.in = in;
        this.out = out;
        this.resources = resources;
        this.capacity = receiveBuffer.capacity();
        this.readView = receiveBuffer.byteBuffer().duplicate();
    }

    /** A whole number of largest messages, at least one frame, about 256 KiB when messages are small. */
    static int receiveCapacity(final ChannelConfig config)
    {
        final int message = config.maxMessageLength();
        final int messages = Math.max(config.batch(), Math.max(1, ChannelConfig.DEFAULT_STREAM_READ_BYTES / message));
        return (int)Math.min((long)messages * message, Integer.MAX_VALUE - 64);
    }

    @Override
    public void send(final MessageBuffer source, final int offset, final int length) throws IOException
    {
        final ByteBuffer bytes = source.byteBuffer();
        bytes.limit(offset + length).position(offset);
        do
        {
            out.write(bytes);
        }
        while (bytes.hasRemaining());
    }

    @Override
    protected void fill() throws IOException
    {
        final int available = writePosition - readPosition;
        if (available == 0)
        {
            readPosition = 0;
            writePosition = 0;
        }
        else if (writePosition == capacity || capacity - readPosition < config.maxMessageLength())
        {
            receiveBuffer.buffer().putBytes(0, receiveBuffer.buffer(), readPosition, available);
            readPosition = 0;
            writePosition = available;
        }
        readView.limit(capacity).position(writePosition);
        final int read = in.read(readView);
        if (read < 0)
        {
            throw new EOFException("peer closed the " + config.transport().label() + " channel");
        }
        writePosition += read;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            CloseHelper.quietCloseAll(resources);
        }
    }
}
