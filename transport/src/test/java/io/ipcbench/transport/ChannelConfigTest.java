package io.ipcbench.transport;

import io.ipcbench.transport.ChannelConfig.AgronaLimits;
import io.ipcbench.transport.message.MessageHeader;
import io.ipcbench.transport.wait.WaitStrategy;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelConfigTest
{
    private static final Path DIRECTORY = Path.of("/dev/shm/ipcbench-1-abcd/p1");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 24, 88, 4120, 131_064, 131_065, 200_000, 1 << 20, 10 << 20, (128 << 20) - 8})
    void shouldDeriveSmallestPowerOfTwoRingWhoseEighthHoldsFrameAndRecordHeader(final int frame)
    {
        final int capacity = AgronaLimits.capacityFor(frame, 0);

        assertEquals(1, Integer.bitCount(capacity), "power of two: " + capacity);
        assertTrue(capacity >= ChannelConfig.MIN_RING_CAPACITY, "at least 1 MiB: " + capacity);
        assertTrue(capacity / 8 >= frame + 8L, "1/8 of " + capacity + " holds " + frame + " + 8");
        assertTrue(capacity == ChannelConfig.MIN_RING_CAPACITY || capacity / 16 < frame + 8L, "smallest such: " + capacity);
    }

    @Test
    void shouldDeriveRingSizesAtBoundaries()
    {
        assertEquals(1 << 20, AgronaLimits.capacityFor(88, 0));
        assertEquals(1 << 20, AgronaLimits.capacityFor((1 << 17) - 8, 0));
        assertEquals(1 << 21, AgronaLimits.capacityFor((1 << 17) - 7, 0));
        assertEquals(1 << 30, AgronaLimits.capacityFor((1 << 27) - 8, 0));
    }

    @Test
    void shouldNeverDeriveRingAboveLargestCapacity()
    {
        // the largest frame conclude() lets through for a derived ring
        final int frame = (int)ChannelConfig.maxFrameLimit(TransportKind.AGRONA, 0, ChannelConfig.DEFAULT_CHRONICLE_BLOCK_SIZE);

        assertEquals(AgronaLimits.MAX_RING_CAPACITY / 8, frame);
        assertEquals(AgronaLimits.MAX_RING_CAPACITY, AgronaLimits.capacityFor(frame, 0));
    }

    @Test
    void shouldKeepRequestedRingCapacity()
    {
        assertEquals(1 << 22, AgronaLimits.capacityFor(64, 1 << 22));
        assertEquals(1 << 16, AgronaLimits.capacityFor(64, 1 << 16));
    }

    @ParameterizedTest
    @ValueSource(ints = {88, 131_064, 131_065})
    void shouldDeriveRingThatAgronaAcceptsTheFrameInto(final int frame)
    {
        final int capacity = AgronaLimits.capacityFor(frame, 0);
        final UnsafeBuffer memory = new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(capacity + RingBufferDescriptor.TRAILER_LENGTH, 64));
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(memory);

        assertTrue(ring.maxMsgLength() >= frame, "Agrona's largest message " + ring.maxMsgLength() + " vs frame " + frame);
        assertTrue(ring.write(1, new UnsafeBuffer(new byte[frame]), 0, frame));
    }

    @Test
    void shouldLimitAgronaFrameToEighthOfRing()
    {
        assertEquals(1 << 17, ChannelConfig.maxFrameLimit(TransportKind.AGRONA, 1 << 20, 0));
        assertEquals(1 << 27, ChannelConfig.maxFrameLimit(TransportKind.AGRONA, 0, 0));
    }

    @Test
    void shouldRejectFrameAboveLargestDerivedAgronaRing()
    {
        final ChannelConfig config = config(TransportKind.AGRONA).waitStrategy(WaitStrategy.SPIN)
            .maxMessageLength((1 << 26) + 1).batch(2);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("agrona cannot carry a frame of 134217730 bytes (batch=2 x message=67108865): the limit is 134217728 bytes " +
            "(Agrona: a message may be at most 1/8 of the ring capacity, largest ring=1073741824)", ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3000, (1 << 20) + 1, Integer.MIN_VALUE})
    void shouldRejectRingCapacityThatIsNotAPowerOfTwo(final int capacity)
    {
        final ChannelConfig config = config(TransportKind.AGRONA).waitStrategy(WaitStrategy.SPIN).maxMessageLength(88).ringCapacity(capacity);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("ring capacity must be a power of two no larger than 1073741824 bytes, or 0 to derive it: ringCapacity=" + capacity,
            ex.getMessage());
    }

    @Test
    void shouldLimitChronicleFrameToQuarterOfBlockLessOverhead()
    {
        assertEquals((64L << 20) / 4 - 64, ChannelConfig.maxFrameLimit(TransportKind.CHRONICLE, 0, ChannelConfig.DEFAULT_CHRONICLE_BLOCK_SIZE));
        assertEquals((1L << 20) / 4 - 64, ChannelConfig.maxFrameLimit(TransportKind.CHRONICLE, 1 << 20, 1L << 20));
    }

    @Test
    void shouldAcceptChronicleFrameAtLimit()
    {
        final ChannelConfig config = config(TransportKind.CHRONICLE).chronicleBlockSize(1L << 20).maxMessageLength(262_080).conclude();

        assertEquals(262_080, config.maxFrameLength());
    }

    @Test
    void shouldRejectChronicleFrameAboveLimitNamingBlockSize()
    {
        final ChannelConfig config = config(TransportKind.CHRONICLE).chronicleBlockSize(1L << 20).maxMessageLength(131_041).batch(2);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("chronicle cannot carry a frame of 262082 bytes (batch=2 x message=131041): the limit is 262080 bytes " +
            "(Chronicle: a document may be at most 1/4 of the block size, block size=1048576)", ex.getMessage());
    }

    @Test
    void shouldNotLimitStreamTransportsBelowIntRange()
    {
        assertEquals(Integer.MAX_VALUE - 64, ChannelConfig.maxFrameLimit(TransportKind.UDS, 0, 0));
        assertEquals(Integer.MAX_VALUE - 64, ChannelConfig.maxFrameLimit(TransportKind.PIPE, 1 << 20, 1 << 20));
        assertEquals(Integer.MAX_VALUE - 64, ChannelConfig.maxFrameLimit(TransportKind.TCP, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"AGRONA", "CHRONICLE"})
    void shouldRefuseKernelWaitForSharedMemory(final TransportKind transport)
    {
        final ChannelConfig config = config(transport).waitStrategy(WaitStrategy.KERNEL);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("wait strategy for " + transport.label() + " must be one of: spin, yield, backoff, park, futex: wait=kernel",
            ex.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"UDS", "PIPE", "TCP"})
    void shouldWaitInKernelForNonSharedTransports(final TransportKind transport)
    {
        final ChannelConfig config = config(transport).waitStrategy(WaitStrategy.SPIN);

        assertSame(config, config.conclude());
        assertEquals(WaitStrategy.KERNEL, config.waitStrategy());
    }

    @ParameterizedTest
    @EnumSource(value = WaitStrategy.class, names = {"SPIN", "YIELD", "BACKOFF", "PARK", "FUTEX"})
    void shouldKeepChosenWaitForSharedMemory(final WaitStrategy wait)
    {
        assertEquals(wait, config(TransportKind.AGRONA).waitStrategy(wait).conclude().waitStrategy());
    }

    @Test
    void shouldRejectMessageShorterThanHeader()
    {
        final ChannelConfig config = config(TransportKind.UDS).maxMessageLength(MessageHeader.LENGTH - 1);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("maxMessageLength must be in [24, 1073741848]: maxMessageLength=23", ex.getMessage());
    }

    @Test
    void shouldRejectMessageAboveLargestPayload()
    {
        final ChannelConfig config = config(TransportKind.UDS).maxMessageLength(MessageHeader.LENGTH + MessageHeader.MAX_PAYLOAD + 1);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("maxMessageLength must be in [24, 1073741848]: maxMessageLength=1073741849", ex.getMessage());
    }

    @Test
    void shouldRejectBatchZero()
    {
        final ChannelConfig config = config(TransportKind.UDS).batch(0);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, config::conclude);
        assertEquals("batch must be at least 1: batch=0", ex.getMessage());
    }

    @Test
    void shouldRequireDirectory()
    {
        final ChannelConfig config = config(TransportKind.UDS).directory(null);

        final NullPointerException ex = assertThrows(NullPointerException.class, config::conclude);
        assertEquals("directory", ex.getMessage());
    }

    private static ChannelConfig config(final TransportKind transport)
    {
        return new ChannelConfig()
            .transport(transport)
            .side(Side.CONSUMER)
            .directory(DIRECTORY)
            .maxMessageLength(MessageHeader.wireLength(64));
    }
}
