package io.ipcbench.transport;

import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.wait.WaitStrategy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one end needs to open its channel, validated once by {@link #conclude()}.
 *
 * <p>Sizes: a message is header plus payload; a frame is {@code batch} messages sent in one
 * operation. Rings and queues are sized from the largest frame.
 */
public final class ChannelConfig
{
    /** Default capacity asked of each FIFO with F_SETPIPE_SZ: the unprivileged maximum on Linux. */
    public static final int DEFAULT_PIPE_CAPACITY = 1 << 20;
    /** Smallest ring ipcbench builds: small messages still get room to stream. */
    public static final int MIN_RING_CAPACITY = 1 << 20;
    /** Chronicle's default block size on 64-bit; a document may be at most a quarter of it. */
    public static final long DEFAULT_CHRONICLE_BLOCK_SIZE = 64L << 20;
    /** How much the byte-stream reader may take in one read(2) when messages are small. */
    public static final int DEFAULT_STREAM_READ_BYTES = 256 << 10;

    private TransportKind transport;
    private Side side;
    private Path directory;
    private WaitStrategy wait = WaitStrategy.SPIN;
    private int maxMessageLength;
    private int batch = 1;
    private int ringCapacity;
    private int pipeCapacity = DEFAULT_PIPE_CAPACITY;
    private long chronicleBlockSize = DEFAULT_CHRONICLE_BLOCK_SIZE;
    private long connectTimeoutNs = 30_000_000_000L;

    public ChannelConfig transport(final TransportKind transport)
    {
        this.transport = transport;
        return this;
    }

    public ChannelConfig side(final Side side)
    {
        this.side = side;
        return this;
    }

    /** The point's private rendezvous directory: sockets, FIFOs, ring files and queues live here. */
    public ChannelConfig directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    public ChannelConfig waitStrategy(final WaitStrategy wait)
    {
        this.wait = wait;
        return this;
    }

    /** Largest message (header + payload) either direction will carry. */
    public ChannelConfig maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    public ChannelConfig batch(final int batch)
    {
        this.batch = batch;
        return this;
    }

    /** Ring capacity in bytes for {@code agrona}; 0 derives it from the largest frame. */
    public ChannelConfig ringCapacity(final int ringCapacity)
    {
        this.ringCapacity = ringCapacity;
        return this;
    }

    /** Capacity asked for each FIFO; 0 keeps the system default. */
    public ChannelConfig pipeCapacity(final int pipeCapacity)
    {
        this.pipeCapacity = pipeCapacity;
        return this;
    }

    public ChannelConfig chronicleBlockSize(final long chronicleBlockSize)
    {
        this.chronicleBlockSize = chronicleBlockSize;
        return this;
    }

    public ChannelConfig connectTimeoutNs(final long connectTimeoutNs)
    {
        this.connectTimeoutNs = connectTimeoutNs;
        return this;
    }

    /** Checks the configuration once, before anything is opened; fails naming the value and the limit. */
    public ChannelConfig conclude()
    {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(wait, "wait");
        if (maxMessageLength < MessageHeader.LENGTH || maxMessageLength - MessageHeader.LENGTH > MessageHeader.MAX_PAYLOAD)
        {
            throw new IllegalArgumentException("maxMessageLength must be in [" + MessageHeader.LENGTH + ", " +
                (MessageHeader.LENGTH + MessageHeader.MAX_PAYLOAD) + "]: maxMessageLength=" + maxMessageLength);
        }
        if (batch < 1)
        {
            throw new IllegalArgumentException("batch must be at least 1: batch=" + batch);
        }
        if (ringCapacity != 0 && (ringCapacity < 0 || Integer.bitCount(ringCapacity) != 1 || ringCapacity > AgronaLimits.MAX_RING_CAPACITY))
        {
            throw new IllegalArgumentException("ring capacity must be a power of two no larger than " + AgronaLimits.MAX_RING_CAPACITY +
                " bytes, or 0 to derive it: ringCapacity=" + ringCapacity);
        }
        final long frame = (long)maxMessageLength * batch;
        final long limit = maxFrameLimit(transport, ringCapacity, chronicleBlockSize);
        if (frame > limit)
        {
            throw new IllegalArgumentException(transport.label() + " cannot carry a frame of " + frame +
                " bytes (batch=" + batch + " x message=" + maxMessageLength + "): the limit is " + limit + " bytes" +
                limitReason(transport, ringCapacity, chronicleBlockSize));
        }
        if (transport.sharedMemory() && wait == WaitStrategy.KERNEL)
        {
            throw new IllegalArgumentException("wait strategy for " + transport.label() + " must be one of: " +
                WaitStrategy.known() + ": wait=kernel");
        }
        if (!transport.sharedMemory())
        {
            wait = WaitStrategy.KERNEL;
        }
        return this;
    }

    /** Largest frame (bytes) a transport can carry with the given ring capacity (0 = derived) and block size. */
    public static long maxFrameLimit(final TransportKind transport, final int ringCapacity, final long chronicleBlockSize)
    {
        switch (transport)
        {
            case AGRONA:
                return ringCapacity > 0 ? ringCapacity / 8 : AgronaLimits.MAX_RING_CAPACITY / 8;
            case CHRONICLE:
                // a document must fit in the overlap of two mapped chunks, a quarter of the block
                return chronicleBlockSize / 4 - 64;
            default:
                return Integer.MAX_VALUE - 64;
        }
    }

    private static String limitReason(final TransportKind transport, final int ringCapacity, final long blockSize)
    {
        switch (transport)
        {
            case AGRONA:
                return " (Agrona: a message may be at most 1/8 of the ring capacity, " +
                    (ringCapacity > 0 ? "ring capacity=" + ringCapacity : "largest ring=" + AgronaLimits.MAX_RING_CAPACITY) + ")";
            case CHRONICLE:
                return " (Chronicle: a document may be at most 1/4 of the block size, block size=" + blockSize + ")";
            default:
                return "";
        }
    }

    public TransportKind transport()
    {
        return transport;
    }

    public Side side()
    {
        return side;
    }

    public Path directory()
    {
        return directory;
    }

    public WaitStrategy waitStrategy()
    {
        return wait;
    }

    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    public int batch()
    {
        return batch;
    }

    public int maxFrameLength()
    {
        return maxMessageLength * batch;
    }

    public int ringCapacity()
    {
        return ringCapacity;
    }

    public int pipeCapacity()
    {
        return pipeCapacity;
    }

    public long chronicleBlockSize()
    {
        return chronicleBlockSize;
    }

    public long connectTimeoutNs()
    {
        return connectTimeoutNs;
    }

    /** Ring sizing rules kept where the limit check can see them without loading Agrona's Unsafe. */
    public static final class AgronaLimits
    {
        /** Capacity must be a power of two and ring + trailer must fit an int: 1 GiB at most. */
        public static final int MAX_RING_CAPACITY = 1 << 30;

        private AgronaLimits()
        {
        }

        /** Smallest power-of-two capacity whose 1/8 holds the frame plus Agrona's 8-byte record header. */
        public static int capacityFor(final int maxFrameLength, final int requested)
        {
            if (requested > 0)
            {
                return requested;
            }
            final long needed = 8L * (maxFrameLength + 8);
            long capacity = MIN_RING_CAPACITY;
            while (capacity < needed)
            {
                capacity <<= 1;
            }
            return (int)Math.min(capacity, MAX_RING_CAPACITY);
        }
    }
}
