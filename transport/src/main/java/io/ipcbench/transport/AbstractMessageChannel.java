package io.ipcbench.transport;

import io.ipcbench.transport.message.MessageBuffer;
import io.ipcbench.transport.message.MessageHeader;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out the messages of received frames one at a time. Received bytes sit in
 * {@code [readPosition, writePosition)} of the receive buffer; {@link #fill()} is the transport's
 * way of getting more of them: a read(2) for byte streams, a copied ring record or queue document
 * for shared memory.
 */
public abstract class AbstractMessageChannel implements MessageChannel
{
    protected final ChannelConfig config;
    protected final MessageBuffer receiveBuffer;
    protected final Map<String, String> properties = new LinkedHashMap<>();
    protected int readPosition;
    protected int writePosition;

    protected AbstractMessageChannel(final ChannelConfig config, final int receiveCapacity)
    {
        this.config = config;
        this.receiveBuffer = new MessageBuffer(receiveCapacity);
        properties.put("receive_buffer_bytes", Integer.toString(receiveCapacity));
    }

    @Override
    public final int receive() throws IOException
    {
        while (true)
        {
            final int available = writePosition - readPosition;
            if (available >= MessageHeader.LENGTH)
            {
                final int payloadLength = receiveBuffer.buffer().getInt(readPosition + MessageHeader.LENGTH_OFFSET);
                if (payloadLength < 0 || payloadLength > config.maxMessageLength() - MessageHeader.LENGTH)
                {
                    throw new IOException("corrupted stream: header at receive offset " + readPosition +
                        " gives payload length=" + payloadLength + ", largest expected=" +
                        (config.maxMessageLength() - MessageHeader.LENGTH));
                }
                final int wireLength = MessageHeader.LENGTH + payloadLength;
                if (available >= wireLength)
                {
                    final int offset = readPosition;
                    readPosition += wireLength;
                    return offset;
                }
            }
            fill();
        }
    }

    /** Brings more received bytes into {@code [readPosition, writePosition)}, waiting for them. */
    protected abstract void fill() throws IOException;

    @Override
    public final MessageBuffer receiveBuffer()
    {
        return receiveBuffer;
    }

    @Override
    public Map<String, String> properties()
    {
        return properties;
    }
}
