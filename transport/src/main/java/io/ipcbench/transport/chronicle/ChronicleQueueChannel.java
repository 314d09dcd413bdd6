package io.ipcbench.transport.chronicle;

import io.ipcbench.transport.AbstractMessageChannel;
import io.ipcbench.transport.ChannelConfig;
import io.ipcbench.transport.Rendezvous;
import io.ipcbench.transport.Side;
import io.ipcbench.transport.message.MessageBuffer;
import io.ipcbench.transport.wait.FutexDoorbell;
import io.ipcbench.transport.wait.SharedMemoryWait;
import io.ipcbench.transport.wait.WaitStrategy;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Chronicle Queue: an appender writes each frame as one document of a queue in the point
 * directory (tmpfs by default), a tailer in the other process reads it and copies it out into its
 * own memory. {@code chronicle-fwd/} carries producer to consumer, {@code chronicle-rev/} the echo.
 *
 * <p>A queue only grows; ipcbench bounds it by giving every point a fresh directory that the
 * harness deletes when the point ends, and by the point's byte budget. The consumer builds both
 * queues and the doorbell file, then publishes {@code chronicle.ready}; the producer waits for it.
 */
public final class ChronicleQueueChannel extends AbstractMessageChannel
{
    public static final String FORWARD = "chronicle-fwd";
    public static final String REVERSE = "chronicle-rev";
    public static final String DOORBELLS = "chronicle.bell";
    public static final String READY = "chronicle.ready";

    private final ChronicleQueue inboundQueue;
    private final ChronicleQueue outboundQueue;
    private final ExcerptTailer tailer;
    private final ExcerptAppender appender;
    private final MappedByteBuffer doorbellMapping;
    private final FutexDoorbell inboundData;
    private final FutexDoorbell outboundData;
    private final SharedMemoryWait dataWait;
    private final boolean futex;
    private final BooleanSupplier readSome = this::readSome;
    private final int documentsPerRead;
    private final long receiveAddress;
    private MessageBuffer lastSource;
    private BytesStore<?, ?> lastSourceStore;
    private boolean closed;

    private ChronicleQueueChannel(
        final ChannelConfig config,
        final ChronicleQueue inboundQueue,
        final ChronicleQueue outboundQueue,
        final MappedByteBuffer doorbellMapping,
        final int inboundBell,
        final int outboundBell)
    {
        super(config, documentsPerRead(config) * config.maxFrameLength());
        this.documentsPerRead = documentsPerRead(config);
        this.inboundQueue = inboundQueue;
        this.outboundQueue = outboundQueue;
        this.tailer = inboundQueue.createTailer();
        this.appender = outboundQueue.createAppender();
        this.doorbellMapping = doorbellMapping;
        final UnsafeBuffer bells = new UnsafeBuffer(doorbellMapping, 0, 2 * FutexDoorbell.LENGTH);
        this.inboundData = new FutexDoorbell(bells, inboundBell);
        this.outboundData = new FutexDoorbell(bells, outboundBell);
        this.futex = config.waitStrategy() == WaitStrategy.FUTEX;
        this.dataWait = SharedMemoryWait.of(config.waitStrategy(), inboundData);
        this.receiveAddress = receiveBuffer.address();
        properties.put("chronicle_block_size", Long.toString(config.chronicleBlockSize()));
        properties.put("chronicle_roll_cycle", String.valueOf(outboundQueue.rollCycle()));
        properties.put("wait", config.waitStrategy().label());
    }

    /** As many documents (frames) as fit in about 256 KiB are taken per poll, like a socket read. */
    static int documentsPerRead(final ChannelConfig config)
    {
        return Math.max(1, ChannelConfig.DEFAULT_STREAM_READ_BYTES / config.maxFrameLength());
    }

    public static ChronicleQueueChannel open(final ChannelConfig config) throws IOException
    {
        final Path directory = config.directory();
        final Path ready = directory.resolve(READY);
        ChronicleQueue forward = null;
        ChronicleQueue reverse = null;
        MappedByteBuffer doorbells = null;
        try
        {
            if (config.side() == Side.CONSUMER)
            {
                forward = build(directory.resolve(FORWARD), config);
                reverse = build(directory.resolve(REVERSE), config);
                final Path bellFile = directory.resolve(DOORBELLS);
                final Path temporary = bellFile.resolveSibling(DOORBELLS + ".tmp");
                doorbells = IoUtil.mapNewFile(temporary.toFile(), 2 * FutexDoorbell.LENGTH, true);
                Files.move(temporary, bellFile, StandardCopyOption.ATOMIC_MOVE);
                final ChronicleQueueChannel channel = new ChronicleQueueChannel(config, forward, reverse, doorbells, 0, FutexDoorbell.LENGTH);
                Rendezvous.publish(ready, "ready");
                return channel;
            }
            Rendezvous.awaitFile(ready, Rendezvous.deadline(config), "the consumer's queues in " + directory);
            forward = build(directory.resolve(FORWARD), config);
            reverse = build(directory.resolve(REVERSE), config);
            doorbells = IoUtil.mapExistingFile(directory.resolve(DOORBELLS).toFile(), DOORBELLS);
            return new ChronicleQueueChannel(config, reverse, forward, doorbells, FutexDoorbell.LENGTH, 0);
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(forward, reverse);
            if (doorbells != null)
            {
                IoUtil.unmap(doorbells);
            }
            throw ex;
        }
    }

    private static ChronicleQueue build(final Path path, final ChannelConfig config)
    {
        return SingleChronicleQueueBuilder.binary(path.toFile()).blockSize(config.chronicleBlockSize()).build();
    }

    @Override
    public void send(final MessageBuffer source, final int offset, final int length)
    {
        if (source != lastSource)
        {
            lastSource = source;
            lastSourceStore = BytesStore.wrap(source.address(), source.capacity());
        }
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(lastSourceStore, (long)offset, (long)length);
        }
        if (futex)
        {
            outboundData.signal();
        }
    }

    @Override
    protected void fill()
    {
        readPosition = 0;
        writePosition = 0;
        dataWait.until(readSome);
    }

    /** Copies the documents there are, up to {@link #documentsPerRead}, into this end's own memory. */
    private boolean readSome()
    {
        for (int i = 0; i < documentsPerRead; i++)
        {
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    break;
                }
                final Bytes<?> bytes = document.wire().bytes();
                final long length = bytes.readRemaining();
                bytes.nativeRead(bytes.readPosition(), receiveAddress + writePosition, length);
                writePosition += (int)length;
            }
        }
        return writePosition > 0;
    }

    @Override
    public Map<String, String> properties()
    {
        if (futex)
        {
            properties.put("futex_waits", Long.toString(inboundData.sleeps()));
            properties.put("futex_wakes", Long.toString(outboundData.wakes()));
            properties.put("futex_timeouts", Long.toString(inboundData.timeouts()));
            properties.put("futex_lost_wakeups", Long.toString(inboundData.lostWakeups()));
        }
        return properties;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            CloseHelper.quietCloseAll(tailer, appender, inboundQueue, outboundQueue);
            IoUtil.unmap(doorbellMapping);
        }
    }
}
