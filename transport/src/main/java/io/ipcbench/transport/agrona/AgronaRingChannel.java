package io.ipcbench.transport.agrona;

import io.ipcbench.transport.AbstractMessageChannel;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Rendezvous;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.message.MessageBuffer;
import io.ipcbench.transport.wait.FutexDoorbell;
import io.ipcbench.transport.wait.SharedMemoryWait;
import io.ipcbench.transport.wait.WaitStrategy;
import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Agrona {@link OneToOneRingBuffer}s over files mapped from the point directory (on /dev/shm):
 * {@code fwd.ring} carries producer to consumer, {@code rev.ring} the echo back. A frame is one
 * ring record: the writer copies it in, the reader copies it out into memory of its own, as a
 * socket's two copies would.
 *
 * <p>File layout: the ring (capacity, a power of two, then Agrona's trailer), then two futex
 * doorbells on their own cache lines: "data" (the reader sleeps on it, the writer rings after a
 * commit) and "space" (the writer sleeps on it when the ring is full, the reader rings after a
 * read). The doorbells are touched only with the futex wait strategy.
 */
public final class AgronaRingChannel extends AbstractMessageChannel implements MessageHandler
{
    public static final String FORWARD = "fwd.ring";
    public static final String REVERSE = "rev.ring";
    private static final int MESSAGE_TYPE = 1;

    private final MappedByteBuffer inboundMapping;
    private final MappedByteBuffer outboundMapping;
    private final OneToOneRingBuffer inbound;
    private final OneToOneRingBuffer outbound;
    private final SharedMemoryWait dataWait;
    private final SharedMemoryWait spaceWait;
    private final FutexDoorbell inboundData;
    private final FutexDoorbell inboundSpace;
    private final FutexDoorbell outboundData;
    private final FutexDoorbell outboundSpace;
    private final boolean futex;
    private final int recordsPerRead;
    private final BooleanSupplier readSome = this::readSome;
    private final BooleanSupplier writeOne = this::writeOne;
    private MessageBuffer pendingSource;
    private int pendingOffset;
    private int pendingLength;
    private boolean closed;

    private AgronaRingChannel(
        final ChannelConfig config, final int capacity, final MappedByteBuffer inboundMapping, final MappedByteBuffer outboundMapping)
    {
        super(config, recordsPerRead(config) * config.maxFrameLength());
        this.recordsPerRead = recordsPerRead(config);
        this.inboundMapping = inboundMapping;
        this.outboundMapping = outboundMapping;
        final int ringLength = capacity + RingBufferDescriptor.TRAILER_LENGTH;
        final UnsafeBuffer inboundBuffer = new UnsafeBuffer(inboundMapping, 0, ringLength + 2 * FutexDoorbell.LENGTH);
        final UnsafeBuffer outboundBuffer = new UnsafeBuffer(outboundMapping, 0, ringLength + 2 * FutexDoorbell.LENGTH);
        this.inbound = new OneToOneRingBuffer(new UnsafeBuffer(inboundMapping, 0, ringLength));
        this.outbound = new OneToOneRingBuffer(new UnsafeBuffer(outboundMapping, 0, ringLength));
        this.inboundData = new FutexDoorbell(inboundBuffer, ringLength);
        this.inboundSpace = new FutexDoorbell(inboundBuffer, ringLength + FutexDoorbell.LENGTH);
        this.outboundData = new FutexDoorbell(outboundBuffer, ringLength);
        this.outboundSpace = new FutexDoorbell(outboundBuffer, ringLength + FutexDoorbell.LENGTH);
        this.futex = config.waitStrategy() == WaitStrategy.FUTEX;
        this.dataWait = SharedMemoryWait.of(config.waitStrategy(), inboundData);
        this.spaceWait = SharedMemoryWait.of(config.waitStrategy(), outboundSpace);
        properties.put("ring_capacity", Integer.toString(capacity));
        properties.put("ring_max_message", Integer.toString(inbound.maxMsgLength()));
        properties.put("wait", config.waitStrategy().label());
    }

    /**
     * How many records (frames) one poll may take: as many as fit in about 256 KiB of this end's
     * memory, so a reader that fell behind catches up with one head update, as a socket reader
     * takes all the kernel holds in one read(2).
     */
    static int recordsPerRead(final ChannelConfig config)
    {
        return Math.max(1, ChannelConfig.DEFAULT_STREAM_READ_BYTES / config.maxFrameLength());
    }

    /** Bytes of one ring file: ring, trailer and the two doorbells. */
    public static long fileLength(final int capacity)
    {
        return (long)capacity + RingBufferDescriptor.TRAILER_LENGTH + 2L * FutexDoorbell.LENGTH;
    }

    public static AgronaRingChannel open(final ChannelConfig config) throws IOException
    {
        final int capacity = ChannelConfig.AgronaLimits.capacityFor(config.maxFrameLength(), config.ringCapacity());
        final Path forward = config.directory().resolve(FORWARD);
        final Path reverse = config.directory().resolve(REVERSE);
        MappedByteBuffer forwardMapping = null;
        MappedByteBuffer reverseMapping = null;
        try
        {
            if (config.side() == Side.CONSUMER)
            {
                reverseMapping = create(reverse, capacity);
                forwardMapping = create(forward, capacity);
                return new AgronaRingChannel(config, capacity, forwardMapping, reverseMapping);
            }
            final long deadline = Rendezvous.deadline(config);
            Rendezvous.awaitFile(forward, deadline, "the consumer's ring " + forward);
            forwardMapping = IoUtil.mapExistingFile(forward.toFile(), FORWARD);
            reverseMapping = IoUtil.mapExistingFile(reverse.toFile(), REVERSE);
            if (forwardMapping.capacity() != fileLength(capacity))
            {
                throw new IOException("ring file " + forward + " has " + forwardMapping.capacity() +
                    " bytes, expected " + fileLength(capacity));
            }
            return new AgronaRingChannel(config, capacity, reverseMapping, forwardMapping);
        }
        catch (final IOException | RuntimeException ex)
        {
            unmap(forwardMapping);
            unmap(reverseMapping);
            throw ex;
        }
    }

    /** Creates, zeroes and maps a ring file, then gives it its final name: the producer never sees a partial one. */
    private static MappedByteBuffer create(final Path path, final int capacity) throws IOException
    {
        final Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        final MappedByteBuffer mapping = IoUtil.mapNewFile(temporary.toFile(), fileLength(capacity), true);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        return mapping;
    }

    @Override
    public void send(final MessageBuffer source, final int offset, final int length)
    {
        pendingSource = source;
        pendingOffset = offset;
        pendingLength = length;
        spaceWait.until(writeOne);
        if (futex)
        {
            outboundData.signal();
        }
    }

    private boolean writeOne()
    {
        return outbound.write(MESSAGE_TYPE, pendingSource.buffer(), pendingOffset, pendingLength);
    }

    @Override
    protected void fill()
    {
        readPosition = 0;
        writePosition = 0;
        dataWait.until(readSome);
        if (futex)
        {
            inboundSpace.signal();
        }
    }

    private boolean readSome()
    {
        return inbound.read(this, recordsPerRead) > 0;
    }

    /** Copies one ring record (a frame) out of the ring into this end's own memory, after those already taken. */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        buffer.getBytes(index, receiveBuffer.buffer(), writePosition, length);
        writePosition += length;
    }

    /** Adds this end's doorbell counters (FUTEX_WAIT and FUTEX_WAKE calls, timed-out waits, lost wake-ups) when futex waits are on. */
    @Override
    public Map<String, String> properties()
    {
        if (futex)
        {
            properties.put("futex_waits", Long.toString(inboundData.sleeps() + outboundSpace.sleeps()));
            properties.put("futex_wakes", Long.toString(outboundData.wakes() + inboundSpace.wakes()));
            properties.put("futex_timeouts", Long.toString(inboundData.timeouts() + outboundSpace.timeouts()));
            properties.put("futex_lost_wakeups", Long.toString(inboundData.lostWakeups() + outboundSpace.lostWakeups()));
        }
        return properties;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            unmap(inboundMapping);
            unmap(outboundMapping);
        }
    }

    private static void unmap(final MappedByteBuffer mapping)
    {
        if (mapping != null)
        {
            IoUtil.unmap(mapping);
        }
    }
}
